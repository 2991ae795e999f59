using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

/// <summary>A composed event time: year, month, day[, hour[, minute]] columns read into one UTC time per row, bad parts
/// refused naming the row, the part column and the value, the same times whatever the chunks.</summary>
public sealed class ComposedTimeTests
{
    private const string Header = "No,year,month,day,hour,pm";

    /// <summary>No, year, month, day, hour (minute when a part), pm (the label) and event_time composed of
    /// <paramref name="parts"/>.</summary>
    private static ProductSchema Schema(string[] parts, bool nullableParts = false, ColumnKind monthKind = ColumnKind.Numeric)
    {
        List<ColumnSpec> columns =
        [
            new("No", ColumnKind.Id, ColumnRole.RowKey),
            new("year", ColumnKind.Numeric, Nullable: nullableParts),
            new("month", monthKind, Nullable: nullableParts),
            new("day", ColumnKind.Numeric, Nullable: nullableParts),
            new("hour", ColumnKind.Numeric, Nullable: nullableParts),
        ];
        if (parts.Contains("minute"))
            columns.Add(new("minute", ColumnKind.Numeric));
        columns.Add(new("pm", ColumnKind.Numeric, ColumnRole.Label, Nullable: true));
        columns.Add(new("event_time", ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: parts));
        var schema = new ProductSchema(columns);
        Assert.Empty(schema.Validate(TaskType.Regression));
        return schema;
    }

    private static readonly ProductSchema Hourly = Schema(["year", "month", "day", "hour"]);

    private static ParsedCsv Read(string text, ProductSchema? schema = null, CsvReadMode mode = CsvReadMode.Batch) =>
        CsvBatchReader.Read(Encoding.UTF8.GetBytes(text), "air.csv", schema ?? Hourly, mode);

    private static InputValidationException Reject(string text, ProductSchema? schema = null) =>
        Assert.Throws<InputValidationException>(() => Read(text, schema));

    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Read_ValidParts_ComposeUtcTimesAndKeepThePartsAsColumns()
    {
        var parsed = Read($"{Header}\n1,2010,1,1,0,12\n2,2010,1,1,23,15\n3,2010,12,31,5,\n");

        var times = parsed.Table.Timestamps("event_time");
        Assert.Equal([Utc(2010, 1, 1), Utc(2010, 1, 1, 23), Utc(2010, 12, 31, 5)], times.Select(t => t!.Value));
        Assert.All(times, t => Assert.Equal(DateTimeKind.Utc, t!.Value.Kind));
        Assert.Equal([0, 23, 5], parsed.Table.Numeric("hour"));
        Assert.Equal([2010, 2010, 2010], parsed.Table.Numeric("year"));
    }

    [Fact]
    public void Read_ProductTimeZone_ComposesWallClockTimesThereAndRefusesASkippedHourNamingTheRow()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n1,2021,1,1,0,12\n2,2021,7,1,12,15\n");

        var times = CsvBatchReader.Read(bytes, "air.csv", Hourly, CsvReadMode.Batch, berlin).Table.Timestamps("event_time");

        Assert.Equal([Utc(2020, 12, 31, 23), Utc(2021, 7, 1, 10)], times.Select(t => t!.Value));
        var skipped = Assert.Throws<InputValidationException>(() =>
            CsvBatchReader.Read(Encoding.UTF8.GetBytes($"{Header}\n1,2021,3,28,1,12\n2,2021,3,28,2,15\n"), "air.csv", Hourly, CsvReadMode.Batch, berlin));
        Assert.Equal("2:00 on 2021-03-28 is not a time in Europe/Berlin, the product's time zone: the clocks skip it when daylight saving time starts",
            Assert.Single(skipped.Errors!["row 3, column 'hour'"]));
    }

    [Fact]
    public void Read_ProductTimeZone_ReadsATimestampColumnWithoutOffsetThereAndRefusesASkippedTime()
    {
        var schema = new ProductSchema([new("id", ColumnKind.Id, ColumnRole.RowKey), new("at", ColumnKind.Timestamp, ColumnRole.EventTime), new("x", ColumnKind.Numeric)]);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes("id,at,x\na,2021-07-01 12:00,1\nb,2021-07-01T12:00:00Z,2\n"), "b.csv", schema, CsvReadMode.Batch, berlin);
        var refused = Assert.Throws<InputValidationException>(() =>
            CsvBatchReader.Read(Encoding.UTF8.GetBytes("id,at,x\na,2021-03-28 02:15,1\n"), "b.csv", schema, CsvReadMode.Batch, berlin));

        Assert.Equal([new DateTime(2021, 7, 1, 10, 0, 0, DateTimeKind.Utc), new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc)],
            parsed.Table.Timestamps("at").Select(t => t!.Value));
        Assert.StartsWith("'2021-03-28 02:15' is not a time in Europe/Berlin", Assert.Single(refused.Errors!["row 2, column 'at'"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LeapDay_IsADateOnlyInALeapYear()
    {
        var parsed = Read($"{Header}\n1,2012,2,29,6,1\n2,2000,2,29,0,1\n");

        Assert.Equal([Utc(2012, 2, 29, 6), Utc(2000, 2, 29)], parsed.Table.Timestamps("event_time").Select(t => t!.Value));
        var error = Reject($"{Header}\n1,2011,2,29,6,1\n");
        Assert.Equal(["29 is not a day of month 2 of 2011"], error.Errors["row 2, column 'day'"]);
        Assert.Equal(["29 is not a day of month 2 of 1900"], Reject($"{Header}\n1,1900,2,29,6,1\n").Errors["row 2, column 'day'"]);
    }

    [Theory]
    [InlineData("2010,13,1,0", "month", "13 is not a month (1 to 12)")]
    [InlineData("2010,0,1,0", "month", "0 is not a month (1 to 12)")]
    [InlineData("2010,4,31,0", "day", "31 is not a day of month 4 of 2010")]
    [InlineData("2010,1,0,0", "day", "0 is not a day of month 1 of 2010")]
    [InlineData("2010,1,1,24", "hour", "24 is not an hour (0 to 23)")]
    [InlineData("2010,1,1,-1", "hour", "-1 is not an hour (0 to 23)")]
    [InlineData("0,1,1,0", "year", "0 is not a year (1 to 9999)")]
    [InlineData("2010,1,1,1.5", "hour", "1.5 is not a whole number, and the event time 'event_time' is composed from it")]
    [InlineData("2010.5,1,1,0", "year", "2010.5 is not a whole number, and the event time 'event_time' is composed from it")]
    [InlineData("2010,1,,0", "day", "a value is required here: the event time 'event_time' is composed from it")]
    [InlineData("2010,1,1,NA", "hour", "a value is required here: the event time 'event_time' is composed from it")]
    public void Read_InvalidPart_IsRefusedNamingTheRowThePartColumnAndTheValue(string parts, string column, string message)
    {
        var schema = Schema(["year", "month", "day", "hour"], nullableParts: true) with { MissingMarkers = ["NA"] };

        var error = Reject($"{Header}\n1,2010,1,1,0,1\n2,2010,1,1,1,1\n3,{parts},1\n", schema);

        var problem = Assert.Single(error.Errors);
        Assert.Equal($"row 4, column '{column}'", problem.Key);
        Assert.Equal([message], problem.Value);
        Assert.Contains($"row 4, column '{column}': {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartItsOwnParserRefused_IsReportedOnce()
    {
        var error = Reject($"{Header}\n1,2010,1,,0,1\n2,2010,x,1,0,1\n");

        Assert.Equal(["a value is required here (the column is not nullable)"], error.Errors["row 2, column 'day'"]);
        Assert.Equal(["'x' is not a number"], error.Errors["row 3, column 'month'"]);
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Read_MonthAndDayBothWrong_NamesBoth()
    {
        var error = Reject($"{Header}\n1,2010,13,32,0,1\n");

        Assert.Equal(["13 is not a month (1 to 12)"], error.Errors["row 2, column 'month'"]);
        Assert.Equal(["32 is not a day of a month (1 to 31)"], error.Errors["row 2, column 'day'"]);
    }

    [Fact]
    public void Read_NoHourPart_IsMidnight()
    {
        var parsed = Read($"{Header}\n1,2010,3,14,17,1\n", Schema(["year", "month", "day"]));

        Assert.Equal(Utc(2010, 3, 14), parsed.Table.Timestamps("event_time")[0]);
        Assert.Equal(17, parsed.Table.Numeric("hour")[0]); // still a column of its own
    }

    [Fact]
    public void Read_MinutePart_AddsMinutes()
    {
        var parsed = Read("No,year,month,day,hour,minute\n1,2010,3,14,17,45\n", Schema(["year", "month", "day", "hour", "minute"]));

        Assert.Equal(Utc(2010, 3, 14, 17, 45), parsed.Table.Timestamps("event_time")[0]);
        Assert.Equal(["60 is not a minute (0 to 59)"],
            Reject("No,year,month,day,hour,minute\n1,2010,3,14,17,60\n", Schema(["year", "month", "day", "hour", "minute"])).Errors["row 2, column 'minute'"]);
    }

    [Fact]
    public void Read_CategoricalPartHoldingNumbers_Composes()
    {
        var schema = Schema(["year", "month", "day", "hour"], monthKind: ColumnKind.Categorical);

        var parsed = Read($"{Header}\n1,2010,04,30,1,1\n", schema);

        Assert.Equal(Utc(2010, 4, 30, 1), parsed.Table.Timestamps("event_time")[0]);
        Assert.Equal("04", parsed.Table.Strings("month")[0]);
        Assert.Equal(["'April' is not a whole number, and the event time 'event_time' is composed from it"],
            Reject($"{Header}\n1,2010,April,30,1,1\n", schema).Errors["row 2, column 'month'"]);
    }

    [Fact]
    public void Read_HeaderWithoutTheComposedColumn_IsNeitherMissingNorUnknown()
    {
        var parsed = Read($"{Header}\n1,2010,1,1,0,1\n");

        Assert.True(parsed.Table.Contains("event_time"));
        Assert.False(Hourly.Find("event_time")!.RequiredInHeader);
    }

    [Fact]
    public void Read_FileCarryingTheComposedColumn_IsRefusedSayingItIsComposed()
    {
        var error = Reject($"{Header},event_time\n1,2010,1,1,0,1,2010-01-01T00:00:00Z\n");

        Assert.Equal(["column 'event_time' is composed by the product from year, month, day, hour, so a file does not carry it; remove it"],
            error.Errors["column 'event_time'"]);
    }

    [Fact]
    public void Read_MisspelledPart_SuggestsThePartNotTheComposedColumn()
    {
        var error = Reject("No,year,month,dya,hour,pm\n1,2010,1,1,0,1\n");

        Assert.Contains("did you mean 'day'?", error.Errors["column 'dya'"][0], StringComparison.Ordinal);
        Assert.DoesNotContain(error.Errors.Keys, k => k.Contains("event_time", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TrainingFile_ComposesTheTimeToHoldOutTheLatestRows()
    {
        var parsed = Read($"{Header}\n1,2010,1,1,0,1\n", mode: CsvReadMode.Training);

        Assert.Equal([new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc)], parsed.Table.Timestamps("event_time"));
        Assert.Equal([1.0], parsed.Table.Numeric("pm"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(500)]
    public void ReadFileChunks_AnyChunkSize_GivesTheHourlyTimesOfOneRead(int chunkRows)
    {
        using var temp = new TempDirectory();
        var text = TestSchemas.Pm25Csv(500, seed: 3, withLabel: false, start: new DateTime(2012, 2, 27));
        var path = Path.Combine(temp.Path, "air.csv");
        File.WriteAllText(path, text);
        var schema = Pm25Schema();

        var chunks = new List<ParsedCsv>();
        var rows = CsvBatchReader.ReadFileChunks(path, "air.csv", schema, CsvReadMode.Batch, chunkRows, chunks.Add);

        Assert.Equal(500, rows);
        var times = chunks.SelectMany(c => c.Table.Timestamps("event_time")).Select(t => t!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => Utc(2012, 2, 27).AddHours(i)), times);
        Assert.Contains(Utc(2012, 2, 29, 12), times);
        Assert.Equal(CsvBatchReader.Read(Encoding.UTF8.GetBytes(text), "air.csv", schema, CsvReadMode.Batch).Table.Timestamps("event_time"),
            chunks.SelectMany(c => c.Table.Timestamps("event_time")));
    }

    [Fact]
    public void ReadFileChunks_BadDateInALaterChunk_HandsOverNoChunkHoldingItAndNamesTheRow()
    {
        using var temp = new TempDirectory();
        var lines = TestSchemas.Pm25Csv(300, seed: 3, withLabel: false).Split('\n').ToList();
        var cells = lines[251].Split(',');
        cells[3] = "31";
        cells[2] = "6"; // June has 30 days
        lines[251] = string.Join(',', cells);
        var path = Path.Combine(temp.Path, "air.csv");
        File.WriteAllText(path, string.Join('\n', lines));

        var chunks = new List<ParsedCsv>();
        var error = Assert.Throws<InputValidationException>(() =>
            CsvBatchReader.ReadFileChunks(path, "air.csv", Pm25Schema(), CsvReadMode.Batch, 100, chunks.Add));

        Assert.Equal(2, chunks.Count); // rows 1-200; the chunk with the bad row never arrives
        Assert.Equal(["31 is not a day of month 6 of 2010"], error.Errors["row 252, column 'day'"]);
    }

    /// <summary>The schema of <see cref="TestSchemas.Pm25Csv"/> with a composed event time.</summary>
    internal static ProductSchema Pm25Schema() => new(
    [
        new("No", ColumnKind.Id, ColumnRole.RowKey),
        new("year", ColumnKind.Numeric),
        new("month", ColumnKind.Numeric),
        new("day", ColumnKind.Numeric),
        new("hour", ColumnKind.Numeric),
        new("event_time", ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: ["year", "month", "day", "hour"]),
        new("pm2.5", ColumnKind.Numeric, ColumnRole.Label, Nullable: true),
        new("DEWP", ColumnKind.Numeric),
        new("TEMP", ColumnKind.Numeric),
        new("PRES", ColumnKind.Numeric),
        new("cbwd", ColumnKind.Categorical, IsSegment: true),
        new("Iws", ColumnKind.Numeric),
        new("Is", ColumnKind.Numeric),
        new("Ir", ColumnKind.Numeric),
    ], MissingMarkers: ["NA"]);
}
