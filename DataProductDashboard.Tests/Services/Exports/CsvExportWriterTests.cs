using System.Text;
using DataProductDashboard.Services.Exports;
using nietras.SeparatedValues;

namespace DataProductDashboard.Tests.Services.Exports;

public sealed class CsvExportWriterTests
{
    private static readonly string[] OneColumn = ["value"];

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("-1.5", "'-1.5")]
    public void Text_StartsLikeAFormula_IsPrefixedWithAQuote(string value, string expected)
    {
        Assert.Equal($"value\n{expected}\n", Export(csv => csv.Text(value)));
    }

    [Fact]
    public void Text_CarriageReturnFirst_IsPrefixedAndQuoted()
    {
        Assert.Equal("value\n\"'\rx\"\n", Export(csv => csv.Text("\rx")));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a=b")]
    [InlineData("x-1")]
    [InlineData(" =1")]
    public void Text_NotAFormula_IsWrittenAsIs(string value)
    {
        Assert.Equal($"value\n{value}\n", Export(csv => csv.Text(value)));
    }

    [Fact]
    public void Numbers_NegativeOnes_StayNumbersInInvariantCulture()
    {
        string[] columns = ["d", "i", "l", "m", "f"];
        using var csv = new CsvExportWriter(columns);
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            csv.Number(-1.5).Number(-42).Number(-9_000_000_000L).Number(-0.25m).Number(-1234.56, "0.#").EndRow();
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }

        Assert.Equal("d,i,l,m,f\n-1.5,-42,-9000000000,-0.25,-1234.6\n", csv.ToString());
    }

    [Fact]
    public void Number_RoundTripsDoubles()
    {
        Assert.Equal("value\n0.1234567890123\n", Export(csv => csv.Number(0.1234567890123)));
    }

    [Fact]
    public void NullsAndNonFiniteNumbers_AreEmptyCells()
    {
        string[] columns = ["text", "number", "integer", "time", "nan", "infinity", "kind"];
        using var csv = new CsvExportWriter(columns);

        csv.Text(null).Number((double?)null).Number((long?)null).Time(null, CsvExportWriter.RoundTrip).Number(double.NaN)
            .Number(double.NegativeInfinity).Name((DayOfWeek?)null).EndRow();

        Assert.Equal("text,number,integer,time,nan,infinity,kind\n,,,,,,\n", csv.ToString());
    }

    [Fact]
    public void TimesFlagsAndNames_UseTheFormatsOfTheExports()
    {
        var at = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        string[] columns = ["seconds", "round_trip", "flag", "name"];
        using var csv = new CsvExportWriter(columns);

        csv.Time(at, CsvExportWriter.UtcSeconds).Time(at, CsvExportWriter.RoundTrip).Flag(true).Name(DayOfWeek.Friday).EndRow();

        Assert.Equal("seconds,round_trip,flag,name\n2026-01-02T03:04:05Z,2026-01-02T03:04:05.0000000Z,true,Friday\n", csv.ToString());
    }

    [Fact]
    public void Write_NoRows_WritesTheHeader()
    {
        Assert.Equal("a,b\n", CsvExport.Write(["a", "b"], Array.Empty<int>(), static (csv, i) => csv.Number(i).Number(i)));
    }

    [Fact]
    public void EndRow_TooFewCells_Throws()
    {
        string[] columns = ["a", "b"];
        using var csv = new CsvExportWriter(columns);

        Assert.Throws<InvalidOperationException>(() => csv.Text("only one").EndRow());
    }

    [Fact]
    public void Text_MoreCellsThanColumns_Throws()
    {
        string[] columns = ["a", "b"];
        using var csv = new CsvExportWriter(columns);

        Assert.Throws<InvalidOperationException>(() => csv.Text("1").Text("2").Text("3"));
    }

    [Fact]
    public void Write_SeparatorsQuotesAndLineBreaks_RoundTripThroughSepsReader()
    {
        string[] values = ["a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "semi;colon", "", "=cmd|' /C calc'!A0", "ünïcödé ≥"];

        var text = CsvExport.Write(["text", "n"], values.Select((v, i) => (v, i)), static (csv, row) => csv.Text(row.v).Number(row.i));

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(text);
        var read = new List<(string Text, int N)>();
        foreach (var row in reader)
            read.Add((row["text"].ToString(), row["n"].Parse<int>()));
        Assert.Equal(values.Select((v, i) => (v.StartsWith('=') ? "'" + v : v, i)), read);
    }

    [Fact]
    public async Task WriteAsync_ManyRows_StreamsAllOfThemAsUtf8WithoutBom()
    {
        using var output = new MemoryStream();
        var rows = Enumerable.Range(-5000, 10_000).ToAsyncEnumerable();

        await CsvExport.WriteAsync(output, ["i", "key"], rows, static (csv, i) => csv.Number(i).Text($"k{i}"), default);

        var bytes = output.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal("i,key", lines[0]);
        Assert.Equal("-5000,k-5000", lines[1]);
        Assert.Equal("4999,k4999", lines[10_000]);
        Assert.Equal("", lines[10_001]);
    }

    private static string Export(Action<CsvExportWriter> cells)
    {
        using var csv = new CsvExportWriter(OneColumn);
        cells(csv);
        csv.EndRow();
        return csv.ToString();
    }
}
