using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

/// <summary>The reader's strict rules: empty / BOM-only / header-only files, NUL bytes, size limits, ISO 8601 timestamps
/// unless a format is declared, and header suggestions.</summary>
public sealed class CsvStrictInputTests
{
    private const string Header = TestSchemas.RegressionHeader;

    private static InputValidationException Reject(byte[] bytes, ProductSchema? schema = null, CsvReadMode mode = CsvReadMode.Batch) =>
        Assert.Throws<InputValidationException>(() => CsvBatchReader.Read(bytes, "batch.csv", schema ?? TestSchemas.Regression, mode));

    private static InputValidationException Reject(string text, ProductSchema? schema = null, CsvReadMode mode = CsvReadMode.Batch) =>
        Reject(Encoding.UTF8.GetBytes(text), schema, mode);

    private static ProductSchema WithDay(string? format) => TestSchemas.Regression with
    {
        Columns = [.. TestSchemas.Regression.Columns.Select(c => c.Name == "day" ? c with { Format = format } : c)],
    };

    [Fact]
    public void Read_ByteOrderMarkOnly_SaysTheFileIsEmpty()
    {
        var error = Reject(Encoding.UTF8.GetPreamble());

        Assert.Contains("only a UTF-8 byte-order mark", error.Errors["file"][0]);
    }

    [Fact]
    public void Read_ByteOrderMarkAndLineBreaks_SaysTheFileIsEmpty()
    {
        var error = Reject([.. Encoding.UTF8.GetPreamble(), (byte)'\r', (byte)'\n']);

        Assert.Contains("is empty", error.Errors["file"][0]);
    }

    [Fact]
    public void Read_HeaderOnly_NamesRowTwo()
    {
        var error = Reject(Header + "\r\n");

        Assert.Contains("no data rows", error.Errors["row 2"][0]);
    }

    [Fact]
    public void Read_NulByteInAValue_NamesRowAndColumn()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,summer\nr2,2024-03-01,1\0,0.1,summer\n");

        Assert.Contains("NUL byte", error.Errors["row 3, column 'temp'"][0]);
    }

    [Fact]
    public void Read_OverLongValue_NamesRowColumnAndLimit()
    {
        var schema = TestSchemas.Regression with
        {
            Columns = [.. TestSchemas.Regression.Columns.Where(c => c.Name != "season"), new ColumnSpec("season", ColumnKind.Text)],
        };
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,{new string('x', CsvLimits.MaxFieldBytes + 1)}\n", schema);

        var message = error.Errors["row 2, column 'season'"][0];
        Assert.Contains("longer than the limit of 1 MiB (1,048,576 bytes)", message);
    }

    [Fact]
    public void Read_ValueAtTheLimit_IsRead()
    {
        var schema = TestSchemas.Regression with
        {
            Columns = [.. TestSchemas.Regression.Columns.Where(c => c.Name != "season"), new ColumnSpec("season", ColumnKind.Text)],
        };
        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes($"{Header}\nr1,2024-03-01,1,0.1,{new string('x', CsvLimits.MaxFieldBytes)}\n"), "b.csv", schema, CsvReadMode.Batch);

        Assert.Equal(CsvLimits.MaxFieldBytes, parsed.Table.Strings("season")[0]!.Length);
    }

    [Fact]
    public void Read_OverLongRow_NamesRowAndLimit()
    {
        var value = new string('x', CsvLimits.MaxFieldBytes - 10);
        var error = Reject($"{Header},a,b,c,d\nr1,2024-03-01,1,0.1,{value},{value},{value},{value},{value}\n");

        Assert.Contains("row is longer than the limit of 4 MiB (4,194,304 bytes)", error.Errors["row 2"][0]);
    }

    [Fact]
    public void Read_UnclosedQuoteRunningPastTheLimit_NamesWhereItStarts()
    {
        var error = Reject($"{Header}\nr1,2024-03-01,1,0.1,\"summer\n" + string.Concat(Enumerable.Repeat("r2,2024-03-01,1,0.1,winter\n", 50_000)));

        var (key, messages) = Assert.Single(error.Errors);
        Assert.Equal("row 2, column 'season'", key);
        Assert.Contains("never closed", messages[0]);
    }

    [Theory]
    [InlineData("2012-09-03", 2012, 9, 3, 0, 0)]
    [InlineData("2012-09-03T14:00", 2012, 9, 3, 14, 0)]
    [InlineData("2012-09-03 14:00:30", 2012, 9, 3, 14, 0)]
    [InlineData("2012-09-03T14:00:00.250", 2012, 9, 3, 14, 0)]
    [InlineData("2012-09-03T14:00:00Z", 2012, 9, 3, 14, 0)]
    [InlineData("2012-09-03T16:00:00+02:00", 2012, 9, 3, 14, 0)]
    [InlineData("2012-09-03T16:00+0200", 2012, 9, 3, 14, 0)]
    public void Read_Iso8601Timestamp_IsReadAsUtc(string text, int year, int month, int day, int hour, int minute)
    {
        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes($"{Header}\nr1,{text},1,0.1,summer\n"), "b.csv", TestSchemas.Regression, CsvReadMode.Batch);

        var at = parsed.Table.Timestamps("day")[0]!.Value;
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc), new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc));
        Assert.Equal(DateTimeKind.Utc, at.Kind);
    }

    [Theory]
    [InlineData("09/03/2012")]
    [InlineData("03.09.2012")]
    [InlineData("Sep 3 2012")]
    [InlineData("2012-9-3")]
    [InlineData("2012-13-03")]
    [InlineData("20120903")]
    public void Read_NonIsoTimestampWithoutFormat_NamesRowColumnAndTheAcceptedForm(string text)
    {
        var error = Reject($"{Header}\nr1,2012-09-01,1,0.1,summer\nr2,{text},1,0.1,summer\n");

        var message = error.Errors["row 3, column 'day'"][0];
        Assert.Contains($"'{text}' is not a date/time in the accepted form (ISO 8601, e.g. 2012-03-31", message);
        Assert.Contains("\"format\"", message);
    }

    [Fact]
    public void Read_DeclaredFormat_ReadsThatFormat()
    {
        var parsed = CsvBatchReader.Read(Encoding.UTF8.GetBytes($"{Header}\nr1,03.09.2012,1,0.1,summer\n"), "b.csv", WithDay("dd.MM.yyyy"), CsvReadMode.Batch);

        Assert.Equal(new DateTime(2012, 9, 3, 0, 0, 0, DateTimeKind.Utc), parsed.Table.Timestamps("day")[0]);
    }

    [Fact]
    public void Read_ValueNotMatchingTheDeclaredFormat_NamesTheFormatAndAnExample()
    {
        var error = Reject($"{Header}\nr1,2012-09-03,1,0.1,summer\n", WithDay("dd.MM.yyyy"));

        Assert.Equal("'2012-09-03' does not match the column's declared format 'dd.MM.yyyy' (e.g. 31.03.2012)", error.Errors["row 2, column 'day'"][0]);
    }

    [Fact]
    public void Read_UnknownHeaderContainingASchemaName_SuggestsIt()
    {
        var error = Reject("id,day,temp,humidity,season\nr1,2024-03-01,1,0.1,summer\n");

        Assert.Contains("did you mean 'hum'?", error.Errors["column 'humidity'"][0]);
        Assert.Contains("required column 'hum'", error.Errors["column 'hum'"][0]);
        Assert.Contains("is 'humidity' meant to be 'hum'?", error.Errors["column 'hum'"][0]);
    }

    [Fact]
    public void Read_UnknownHeaderWithSwappedLetters_SuggestsTheSchemaName()
    {
        var error = Reject("id,day,tepm,hum,season\nr1,2024-03-01,1,0.1,summer\n");

        Assert.Contains("did you mean 'temp'?", error.Errors["column 'tepm'"][0]);
    }

    [Fact]
    public void Read_UnrelatedUnknownHeader_SuggestsNothing()
    {
        var error = Reject($"{Header},windspeed\nr1,2024-03-01,1,0.1,summer,3\n");

        Assert.DoesNotContain("did you mean", error.Errors["column 'windspeed'"][0]);
    }

    [Fact]
    public void Read_TrainingFileWithRenamedLabel_SuggestsTheLabelName()
    {
        var error = Reject($"{Header},cnt_total\nr1,2024-03-01,1,0.1,summer,3\n", mode: CsvReadMode.Training);

        Assert.Contains("is 'cnt_total' meant to be 'cnt'?", error.Errors["column 'cnt'"][0]);
    }
}
