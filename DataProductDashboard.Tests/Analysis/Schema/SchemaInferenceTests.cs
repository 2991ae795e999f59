using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis.Schema;

public sealed class SchemaInferenceTests
{
    private static SchemaProposal InferFile(string path, int rows = 50_000, string? label = null) =>
        InferSample(CsvBatchReader.ReadSample(path, Path.GetFileName(path), rows), label);

    private static SchemaProposal InferSample(CsvSample sample, string? label = null) => SchemaInference.Infer(sample.Header, sample.Rows, label: label);

    private static SchemaProposal Infer(string csv, string? label = null, IReadOnlyList<string>? markers = null)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return SchemaInference.Infer(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList(), markers, label);
    }

    private static ColumnSpec Column(SchemaProposal p, string name) => p.Schema.Find(name) ?? throw new KeyNotFoundException(name);

    [Fact]
    public void Infer_BikeHours_FindsKeyTimeLabelAndRegression()
    {
        var proposal = InferFile(RepoPaths.BikeHourCsv);

        Assert.Equal(TaskType.Regression, proposal.Task);
        Assert.Equal("instant", proposal.Schema.RowKey?.Name);
        Assert.Equal(ColumnKind.Id, Column(proposal, "instant").Kind);
        Assert.Equal("dteday", proposal.Schema.EventTime?.Name);
        Assert.Equal(ColumnKind.Timestamp, Column(proposal, "dteday").Kind);
        Assert.Equal("cnt", proposal.Schema.Label?.Name);
        Assert.All(["season", "yr", "mnth", "hr", "temp", "hum", "windspeed"], c => Assert.Equal(ColumnKind.Numeric, Column(proposal, c).Kind));
        Assert.Null(proposal.Schema.MissingMarkers);
        Assert.All(proposal.Schema.Columns, c => Assert.False(c.Nullable));
        Assert.Empty(proposal.Schema.Validate(proposal.Task));
    }

    [Fact]
    public void Infer_GermanCredit_IsBinaryWithTheRarerClassPositiveAndClassesKept()
    {
        var proposal = InferFile(RepoPaths.GermanCreditCsv);

        Assert.Equal(TaskType.BinaryClassification, proposal.Task);
        var label = proposal.Schema.Label!;
        Assert.Equal("credit_risk", label.Name);
        Assert.Equal(ColumnKind.Categorical, label.Kind);
        Assert.Equal(["1", "2"], label.AllowedValues!);
        Assert.Equal("2", proposal.Schema.PositiveClass); // 300 bad risks against 700 good
        Assert.Equal(ColumnKind.Categorical, Column(proposal, "checking_account_status").Kind);
        Assert.Equal(ColumnKind.Numeric, Column(proposal, "credit_amount").Kind);
        Assert.Null(proposal.Schema.RowKey); // no unique column in the file
        Assert.Contains(proposal.Notes, n => n.Contains("no row key", StringComparison.Ordinal));
        Assert.Empty(proposal.Schema.Validate(proposal.Task));
    }

    [Fact]
    public void Infer_MarkersInCells_AreCountedPerColumnAndProposed()
    {
        var proposal = Infer("age,work,hours,income\n39,State-gov,40,<=50K\nNA,?,13,>50K\n50,Private,,<=50K\n38,?,40,<=50K\n");

        var work = proposal.Columns.Single(c => c.Spec.Name == "work");
        Assert.Equal(2, work.MarkerCells["?"]);
        Assert.Equal(2, work.Missing);
        Assert.True(work.Spec.Nullable);
        Assert.Equal(ColumnKind.Numeric, Column(proposal, "age").Kind); // 'NA' is missing, not text
        Assert.Equal(1, proposal.Columns.Single(c => c.Spec.Name == "hours").MarkerCells[""]);
        Assert.Equal(["NA", "?"], proposal.Schema.MissingMarkers!);
    }

    [Fact]
    public void Infer_ZeroOneLabel_TakesOneAsPositive()
    {
        var proposal = Infer("id,x,y\na1,1.5,0\na2,2.5,1\na3,0.1,1\na4,3.3,1\n");

        Assert.Equal(TaskType.BinaryClassification, proposal.Task);
        Assert.Equal("1", proposal.Schema.PositiveClass);
        Assert.Equal("id", proposal.Schema.RowKey?.Name);
    }

    [Fact]
    public void Infer_FewTextClasses_IsMulticlass()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i},{i * 0.5},{(i % 3) switch { 0 => "setosa", 1 => "versicolor", _ => "virginica" }}"));
        var proposal = Infer("id,petal,species\n" + rows + "\n");

        Assert.Equal(TaskType.MulticlassClassification, proposal.Task);
        Assert.Equal(["setosa", "versicolor", "virginica"], proposal.Schema.Label!.AllowedValues!);
        Assert.Contains(proposal.Notes, n => n.Contains("multiclass classification with the classes setosa, versicolor, virginica", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_IntegerScoreLabel_IsRegression()
    {
        // Wine quality: a score of 3 to 9 is a number to predict, and regression is what the app can train.
        var rows = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"{7 + (i % 10) * 0.1:0.0};0.{i % 9 + 1};{3 + (i % 7)}"));

        var proposal = Infer("fixed acidity,volatile acidity,quality\n" + rows.Replace(';', ',') + "\n");

        Assert.Equal(("quality", TaskType.Regression, ColumnKind.Numeric), (proposal.Schema.Label!.Name, proposal.Task, proposal.Schema.Label.Kind));
    }

    [Fact]
    public void Infer_AirQualitySeries_TakesThePollutantAsTheLabel()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 48).Select(i => $"{i + 1},2010,1,{1 + i / 24},{i % 24},{(i % 5 == 0 ? "NA" : (40 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))},-{i % 20},{i % 7}.5,1020,{(i % 2 == 0 ? "NW" : "SE")},{i * 1.5},0,{i % 3}"));

        var proposal = Infer("No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir\n" + rows + "\n", markers: ["NA"]);

        Assert.Equal("pm2.5", proposal.Schema.Label!.Name);
        Assert.Equal(TaskType.Regression, proposal.Task);
    }

    [Fact]
    public void Infer_DayFirstDates_ProposeAFormatAndSayItIsAmbiguous()
    {
        var proposal = Infer("when,x,y\n01.02.2024,1,2.5\n03.04.2024,2,3.5\n");

        Assert.Equal(ColumnKind.Timestamp, Column(proposal, "when").Kind);
        Assert.Equal("dd.MM.yyyy", Column(proposal, "when").Format);
        var slashes = Infer("when,x,y\n01/02/2024,1,2.5\n03/04/2024,2,3.5\n");
        Assert.Equal("dd/MM/yyyy", Column(slashes, "when").Format);
        Assert.Contains(slashes.Notes, n => n.Contains("month-first", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_LowCardinalityCategorical_IsASegmentAndItsValuesAreOnlyOffered()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i},{(i % 2 == 0 ? "male" : "female")},{i * 1.5}"));
        var proposal = Infer("id,sex,amount\n" + rows + "\n");

        var sex = proposal.Columns.Single(c => c.Spec.Name == "sex");
        Assert.True(sex.Spec.IsSegment);
        Assert.Null(sex.Spec.AllowedValues);
        Assert.Equal(["female", "male"], sex.Categories!.Order(StringComparer.Ordinal));
        Assert.Equal(0, proposal.Columns.Single(c => c.Spec.Name == "amount").Min);
    }

    [Fact]
    public void Infer_ChosenLabelThatIsNoColumn_NamesTheColumns()
    {
        var error = Assert.Throws<InputValidationException>(() => Infer("a,b\n1,2\n", label: "target"));

        Assert.Contains("'target' is not a column of the sample; its columns are a, b", error.Message);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void ReadSample_RowsBeyondTheSample_AreSaidToBeLeftOut(int rows, bool truncated)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "s.csv");
        File.WriteAllText(path, "a,b\n" + string.Join("", Enumerable.Range(1, rows).Select(i => $"{i},x{i}\n")));

        var sample = CsvBatchReader.ReadSample(path, "s.csv", maxRows: 3);

        Assert.Equal((3, truncated), (sample.Rows.Count, sample.Truncated));
    }

    [Fact]
    public void Infer_Pm25LikeFile_ProposesAComposedEventTimeAndKeepsThePartsAsFeatures()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "beijing-pm25.csv");
        File.WriteAllText(path, TestSchemas.Pm25Csv(500, seed: 8));

        var proposal = InferFile(path, label: "pm2.5");

        var time = proposal.Schema.EventTime!;
        Assert.Equal("event_time", time.Name);
        Assert.Equal(["year", "month", "day", "hour"], time.ComposedOf!);
        Assert.Equal((ColumnKind.Timestamp, ColumnRole.EventTime), (time.Kind, time.Role));
        Assert.All(["year", "month", "day", "hour"], c => Assert.Equal((ColumnKind.Numeric, ColumnRole.Feature), (Column(proposal, c).Kind, Column(proposal, c).Role)));
        Assert.Equal(["No", "year", "month", "day", "hour", "event_time", "pm2.5"], proposal.Schema.Columns.Take(7).Select(c => c.Name));
        Assert.Equal("No", proposal.Schema.RowKey?.Name);
        Assert.Equal((TaskType.Regression, "pm2.5"), (proposal.Task, proposal.Schema.Label?.Name));
        Assert.Contains(proposal.Notes, n => n.Contains("event-time column 'event_time' composed from them", StringComparison.Ordinal));
        Assert.Contains(proposal.Notes, n => n.Contains("year, month, day, hour stay in the schema as numeric features: they carry seasonality", StringComparison.Ordinal));
        var inferred = proposal.Columns.Single(c => c.Spec.Name == "event_time");
        Assert.Equal(500, inferred.Distinct);
        Assert.Equal(["2010-01-01 00:00", "2010-01-01 01:00"], inferred.Examples.Take(2));
        Assert.Empty(proposal.Schema.Validate(proposal.Task));
    }

    [Fact]
    public void Infer_AbbreviatedDailyParts_ComposeWithoutHourUnderAFreeName()
    {
        var proposal = Infer("event_time,yr,mnth,dd,sales\nx,2021,2,28,12\ny,2021,3,1,15\nz,2021,3,2,13\n");

        Assert.Equal("event_time_2", proposal.Schema.EventTime?.Name);
        Assert.Equal(["yr", "mnth", "dd"], proposal.Schema.EventTime!.ComposedOf!);
        Assert.Empty(proposal.Schema.Validate(proposal.Task));
    }

    [Theory]
    [InlineData("year,month,day,pm25\n2010,4,30,1\n2010,4,31,2\n2010,5,1,3\n")] // 31 April
    [InlineData("year,month,day,pm25\n2010,4,29,1\n2010,4,30,2\n2010,4,30.5,3\n")] // fractional day
    [InlineData("year,month,day,pm25\n10,4,29,1\n10,4,30,2\n10,5,1,3\n")] // no four-digit year
    [InlineData("year,month,day,pm25\n2010,4,29,1\n2010,NA,30,2\n2010,5,1,3\n")] // a missing month
    public void Infer_PartsThatDoNotAlwaysMakeADate_ProposeNoEventTimeAndSayArrivalTimeIsUsed(string csv)
    {
        var proposal = Infer(csv);

        Assert.Null(proposal.Schema.EventTime);
        Assert.Contains(proposal.Notes, n => n.Contains("arrival time will be used", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_NoTimeAtAll_SaysArrivalTimeIsUsed()
    {
        var proposal = Infer("a,b,target\n1,2,3\n2,3,4\n3,4,5\n");

        Assert.Null(proposal.Schema.EventTime);
        Assert.Contains(proposal.Notes, n => n.Contains("No column holds dates or times, so arrival time will be used", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_BikeHours_ProposesDtedayNotAComposedTime()
    {
        // yr is 0/1 (years since 2011) and there is no day column: nothing to compose; dteday is the event time.
        var proposal = InferFile(RepoPaths.BikeHourCsv);
        var sample = CsvBatchReader.ReadSample(RepoPaths.BikeHourCsv, "hour.csv", 2_000);
        var withoutDate = SchemaInference.Infer(sample.Header.Where(h => h != "dteday").ToList(),
            sample.Rows.Select(r => r.Where((_, i) => sample.Header[i] != "dteday").ToArray()).ToList());

        Assert.Null(proposal.Schema.EventTime!.ComposedOf);
        Assert.DoesNotContain(proposal.Schema.Columns, c => c.IsComposed);
        Assert.Null(withoutDate.Schema.EventTime);
        Assert.Contains(withoutDate.Notes, n => n.Contains("arrival time will be used", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_BikeHours_ProposesTheIntegerCalendarColumnsAsSeasonal()
    {
        var proposal = InferFile(RepoPaths.BikeHourCsv, rows: 2_000);

        Assert.Equal(["season", "mnth", "hr", "weekday"], proposal.Schema.Columns.Where(c => c.Seasonal).Select(c => c.Name));
        Assert.Contains(proposal.Notes, n => n.StartsWith("'season', 'mnth', 'hr', 'weekday' look like calendar cycles: proposed as seasonal", StringComparison.Ordinal));
        Assert.Empty(proposal.Schema.Validate(proposal.Task));
    }

    [Fact]
    public void Infer_CalendarNameWithFractions_IsNotProposedAsSeasonal()
    {
        var proposal = Infer("id,hour,temp,y\n1,1.5,3,1\n2,2.5,4,2\n3,3.5,5,3\n4,4.5,6,4\n");

        Assert.False(Column(proposal, "hour").Seasonal);
        Assert.DoesNotContain(proposal.Notes, n => n.Contains("calendar cycles", StringComparison.Ordinal));
    }
}
