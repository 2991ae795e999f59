using System.Text;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

public sealed class CsvBatchReaderTests
{
    private const string Header = TestSchemas.RegressionHeader;

    private static ParsedCsv Read(string text, CsvReadMode mode = CsvReadMode.Batch) =>
        CsvBatchReader.Read(Encoding.UTF8.GetBytes(text), "batch.csv", TestSchemas.Regression, mode);

    private static InputValidationException Reject(string text) =>
        Assert.Throws<InputValidationException>(() => Read(text));

    private static InputValidationException Reject(byte[] bytes) =>
        Assert.Throws<InputValidationException>(() => CsvBatchReader.Read(bytes, "batch.csv", TestSchemas.Regression, CsvReadMode.Batch));

    [Fact]
    public void Read_ValidBatch_ReturnsTypedColumnsAndRowKeys()
    {
        var parsed = Read($"{Header}\nr1,2024-03-01,12.5,0.4,summer\nr2,2024-03-02,-3,,winter\n");

        Assert.Equal(2, parsed.RowCount);
        Assert.Equal(["r1", "r2"], parsed.RowKeys);
        Assert.Equal([12.5, -3], parsed.Table.Numeric("temp"));
        Assert.Equal(0.4, parsed.Table.Numeric("hum")[0]);
        Assert.True(double.IsNaN(parsed.Table.Numeric("hum")[1]));
        Assert.Equal(new string?[] { "summer", "winter" }, parsed.Table.Strings("season"));
        Assert.Equal(new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), parsed.Table.Timestamps("day")[1]);
        Assert.False(parsed.HasLabels);
    }

    [Fact]
    public void Read_RepeatedCategory_SharesOneStringInstance()
    {
        var parsed = Read($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,2,0.2,summer\n");

        var seasons = parsed.Table.Strings("season");
        Assert.Same(seasons[0], seasons[1]);
    }

    [Fact]
    public void Read_LabelColumnPresent_IsOptionalInBatchAndRead()
    {
        var parsed = Read($"{Header},cnt\nr1,2024-03-01,1,0.1,summer,42\n");

        Assert.True(parsed.HasLabels);
        Assert.Equal(42, parsed.Table.Numeric("cnt")[0]);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\nr1,2024-03-01,1,0.1,summer\n")).ToArray();

        var parsed = CsvBatchReader.Read(bytes, "bom.csv", TestSchemas.Regression, CsvReadMode.Batch);

        Assert.Equal(1, parsed.RowCount);
    }

    [Fact]
    public void Read_QuotedValueWithComma_IsUnescaped()
    {
        var schema = TestSchemas.Regression with
        {
            Columns = [.. TestSchemas.Regression.Columns.Where(c => c.Name != "season"), new ColumnSpec("note", ColumnKind.Text, Nullable: true)],
        };
        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes("id,day,temp,hum,note\nr1,2024-03-01,1,0.1,\"sunny, dry\"\n"), "q.csv", schema, CsvReadMode.Batch);

        Assert.Equal("sunny, dry", parsed.Table.Strings("note")[0]);
    }

    [Fact]
    public void Read_EmptyFile_SaysTheFileIsEmpty()
    {
        var error = Reject("");

        Assert.Contains("is empty", error.Message);
        Assert.True(error.Errors.ContainsKey("file"));
    }

    [Fact]
    public void Read_HeaderOnly_SaysThereAreNoDataRows()
    {
        var error = Reject(Header + "\n");

        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void Read_MissingColumn_NamesTheColumn()
    {
        var error = Reject("id,day,temp,season\nr1,2024-03-01,1,summer\n");

        Assert.Contains("required column 'hum'", error.Errors["column 'hum'"][0]);
    }

    [Fact]
    public void Read_ExtraColumn_NamesTheColumn()
    {
        var error = Reject($"{Header},wind\nr1,2024-03-01,1,0.1,summer,3\n");

        Assert.Contains("'wind' is not in the product schema", error.Errors["column 'wind'"][0]);
    }

    [Fact]
    public void Read_RenamedColumn_SuggestsTheSchemaName()
    {
        var error = Reject("id,day,tmp,hum,season\nr1,2024-03-01,1,0.1,summer\n");

        Assert.Contains("is 'tmp' meant to be 'temp'?", error.Errors["column 'temp'"][0]);
        Assert.True(error.Errors.ContainsKey("column 'tmp'"));
    }

    [Fact]
    public void Read_DuplicateHeader_NamesTheColumn()
    {
        var error = Reject("id,day,temp,temp,hum,season\nr1,2024-03-01,1,1,0.1,summer\n");

        Assert.Contains("2 times", error.Errors["column 'temp'"][0]);
    }

    [Fact]
    public void Read_NoHeaderRow_SaysRow1LooksLikeDataAndListsTheExpectedHeader()
    {
        var error = Reject("r1,2024-03-01,12.5,0.4,summer\nr2,2024-03-02,3,,winter\n");

        Assert.Equal(["header"], error.Errors.Keys);
        Assert.Equal("Row 1 of 'batch.csv' looks like data, not column names ('r1', '2024-03-01', '12.5', '0.4', …): the file has no header row; "
            + "add the header this product expects as row 1: id,day,temp,hum,season,cnt.", error.Errors["header"][0]);
    }

    [Fact]
    public void Read_NoHeaderRowOfRepeatedNumbers_SaysNoHeaderRatherThanRepeatedNames()
    {
        var error = Reject("1,0,0,1,1\n0,1,1,0,0\n");

        Assert.Equal(["header"], error.Errors.Keys);
        Assert.Contains("looks like data, not column names ('1', '0', '0', '1', …)", error.Message);
    }

    [Fact]
    public void Read_NoHeaderRowOfASemicolonFile_ListsTheHeaderWithSemicolons()
    {
        var error = Reject("r1;2024-03-01;12.5;0.4;summer\n");

        Assert.EndsWith("as row 1: id;day;temp;hum;season;cnt.", error.Errors["header"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RealHeaderMissingAColumn_KeepsThePerColumnMessage()
    {
        // One expected name is there: a header, however many values its other cells look like.
        var error = Reject("id,1,2,3\nr1,1,2,3\n");

        Assert.False(error.Errors.ContainsKey("header"));
        Assert.Contains("required column 'temp'", error.Errors["column 'temp'"][0]);
    }

    [Fact]
    public void ReadSample_NoHeaderRow_SaysRow1LooksLikeData()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "iris.data");
        File.WriteAllText(path, "5.1,3.5,1.4,0.2,Iris-setosa\n4.9,3.0,1.4,0.2,Iris-setosa\n");

        var error = Assert.Throws<InputValidationException>(() => CsvBatchReader.ReadSample(path, "iris.data", 100));

        Assert.Equal(["header"], error.Errors.Keys);
        Assert.Equal("Row 1 of 'iris.data' looks like data, not column names ('5.1', '3.5', '1.4', '0.2', …): the file has no header row; add a header row that names the columns.",
            error.Errors["header"][0]);
    }

    [Fact]
    public void Read_RaggedRow_NamesTheRowAndCounts()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,1,0.1\n");

        Assert.Equal("expected 5 values (one per header column) but found 4", error.Errors["row 3"][0]);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheRowWhereItStarts()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,1,0.1,\"summer\nr3,2024-03-01,1,0.1,winter\n");

        var message = Assert.Single(error.Errors, e => e.Key.StartsWith("row 3", StringComparison.Ordinal)).Value[0];
        Assert.Contains("not closed", message.Replace("never closed", "not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NonNumericValue_NamesRowAndColumn()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,1,0.1,summer\nr3,2024-03-01,abc,0.1,summer\n");

        Assert.Equal("'abc' is not a number", error.Errors["row 4, column 'temp'"][0]);
        Assert.Contains("row 4, column 'temp': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void Read_ValueOutsideDeclaredCategories_NamesRowColumnAndCategories()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,monsoon\n");

        Assert.StartsWith("'monsoon' is not one of the declared categories (spring, summer, autumn, winter)", error.Errors["row 2, column 'season'"][0]);
    }

    [Fact]
    public void Read_ValueAboveDeclaredMaximum_NamesRowAndColumn()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,1.5,summer\n");

        Assert.Equal("'1.5' is above the declared maximum 1", error.Errors["row 2, column 'hum'"][0]);
    }

    [Fact]
    public void Read_MissingValueInNonNullableColumn_NamesRowAndColumn()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,,0.1,summer\n");

        Assert.Contains("a value is required", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Read_DecimalComma_IsRejectedInsteadOfReadAsThousands()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,\"0,5\",0.1,summer\n");

        Assert.Equal("'0,5' is not a number (use '.' as the decimal separator and no thousands separator)", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Read_NaNText_IsMissingInNullableColumnAndAnErrorOtherwise()
    {
        var parsed = Read($"{Header}\nr1,2024-03-01,1,NaN,summer\n");
        Assert.True(double.IsNaN(parsed.Table.Numeric("hum")[0]));

        var error = Reject($"{Header}\nr1,2024-03-01,NaN,0.1,summer\n");
        Assert.Equal("'NaN' marks a missing value, but the column is not nullable", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Read_InfiniteNumber_IsRejected()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,Infinity,0.1,summer\n");

        Assert.Equal("'Infinity' is not a finite number", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Read_BadTimestamp_NamesRowAndColumn()
    {
        var error = Reject($"{Header}\nr1,31/02/2024,1,0.1,summer\n");

        Assert.Contains("'31/02/2024' is not a date/time in the accepted form", error.Errors["row 2, column 'day'"][0]);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_SemicolonTabOrPipeDelimited_IsReadAsACommaFileWouldBe(char d)
    {
        var parsed = Read($"id{d}day{d}temp{d}hum{d}season\nr1{d}2024-03-01{d}1.5{d}0.1{d}summer\nr2{d}2024-03-02{d}\"2\"{d}{d}winter\n");

        Assert.Equal([1.5, 2], parsed.Table.Numeric("temp"));
        Assert.True(double.IsNaN(parsed.Table.Numeric("hum")[1]));
        Assert.Equal(new string?[] { "summer", "winter" }, parsed.Table.Strings("season"));
    }

    [Fact]
    public void Read_SemicolonFileWithABadCell_NamesRowAndColumn()
    {
        var error = Reject("id;day;temp;hum;season\nr1;2024-03-01;abc;0.1;summer\n");

        Assert.Equal("'abc' is not a number", error.Errors["row 2, column 'temp'"][0]);
    }

    [Fact]
    public void Read_CommasInsideQuotesOfASemicolonFile_StayInTheValue()
    {
        var schema = new ProductSchema([new("id", ColumnKind.Id, ColumnRole.RowKey), new("note", ColumnKind.Text), new("x", ColumnKind.Numeric)]);

        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes("id;note;x\nr1;\"a, b, c\";1\n"), "n.csv", schema, CsvReadMode.Batch);

        Assert.Equal("a, b, c", parsed.Table.Strings("note")[0]);
    }

    [Fact]
    public void Read_Latin1Encoding_NamesTheRowWithTheBadByte()
    {
        var bytes = Encoding.Latin1.GetBytes($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,1,0.1,été\n");

        var error = Reject(bytes);

        Assert.Contains("row 3 has the byte 0xE9", error.Errors["row 3"][0]);
    }

    [Fact]
    public void Read_Utf16Encoding_AsksForUtf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"{Header}\nr1,2024-03-01,1,0.1,summer\n")).ToArray();

        var error = Reject(bytes);

        Assert.Contains("UTF-16", error.Errors["file"][0]);
    }

    [Fact]
    public void Read_ManyBadCells_ListsAtMostFiftyAndCountsAll()
    {
        var rows = string.Concat(Enumerable.Range(1, 80).Select(i => $"r{i},2024-03-01,x{i},0.1,summer\n"));

        var error = Reject(Header + "\n" + rows);

        Assert.Equal(50, error.Errors.Count);
        Assert.Contains("has at least 50 problems", error.Message);
    }

    [Fact]
    public void Read_TrainingMode_IgnoresExtraColumnsButRequiresLabel()
    {
        var parsed = Read($"{Header},cnt,wind\nr1,2024-03-01,1,0.1,summer,5,3\n", CsvReadMode.Training);
        Assert.True(parsed.HasLabels);

        var error = Assert.Throws<InputValidationException>(() => Read($"{Header}\nr1,2024-03-01,1,0.1,summer\n", CsvReadMode.Training));
        Assert.True(error.Errors.ContainsKey("column 'cnt'"));
    }

    [Fact]
    public void ReadFile_SameFileAsInMemory_GivesTheSameTable()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "b.csv");
        var text = TestSchemas.RegressionCsv(3000, seed: 12, withLabel: false);
        File.WriteAllText(path, text);

        var streamed = CsvBatchReader.ReadFile(path, "b.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var inMemory = Read(text);

        Assert.Equal(inMemory.RowCount, streamed.RowCount);
        Assert.Equal(inMemory.RowKeys, streamed.RowKeys);
        Assert.Equal(inMemory.Table.Numeric("temp"), streamed.Table.Numeric("temp"));
        Assert.Equal(inMemory.Table.Strings("season"), streamed.Table.Strings("season"));
    }

    [Fact]
    public void ReadFile_InvalidUtf8_IsRejectedNamingItsRow()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes($"{Header}\nr1,2024-03-01,1,0.1,été\n"));

        var error = Assert.Throws<InputValidationException>(() => CsvBatchReader.ReadFile(path, "latin1.csv", TestSchemas.Regression, CsvReadMode.Batch));

        Assert.Equal("'latin1.csv' is not valid UTF-8: row 2 has the byte 0xE9 (perhaps Latin-1 / Windows-1252); save it as CSV UTF-8.", error.Errors["row 2"][0]);
    }

    [Fact]
    public void Read_SharedBikeSharingHourly_ParsesEveryRowForTraining()
    {
        var bytes = File.ReadAllBytes(RepoPaths.BikeHourCsv);

        var parsed = CsvBatchReader.Read(bytes, "hour.csv", DemoProducts.BikeSchema, CsvReadMode.Training);

        Assert.Equal(17379, parsed.RowCount);
        Assert.Equal("17379", parsed.RowKeys[^1]);
        Assert.Equal(16, parsed.Table.Numeric("cnt")[0]);
        Assert.Equal(new DateTime(2012, 12, 31, 0, 0, 0, DateTimeKind.Utc), parsed.Table.Timestamps("dteday")[^1]);
    }

    [Fact]
    public void Read_BlankLinesAtTheEndAndBetweenRows_AreSkipped()
    {
        var csv = TestSchemas.RegressionCsv(5, withLabel: false);
        var lines = csv.TrimEnd('\n').Split('\n');
        var withBlanks = string.Join('\n', lines.Take(3)) + "\n\n" + string.Join('\n', lines.Skip(3)) + "\n\n\r\n";

        var parsed = CsvBatchReader.Read(TestSchemas.Utf8(withBlanks), "blank.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var path = Path.Combine(Path.GetTempPath(), $"blank-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, withBlanks);
        CsvSample sample;
        try
        {
            sample = CsvBatchReader.ReadSample(path, "blank.csv", 100);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(5, parsed.RowCount);
        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], parsed.RowKeys);
        Assert.Equal(5, sample.Rows.Count);
    }
}
