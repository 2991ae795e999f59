using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Ingestion;

/// <summary>A file read block by block in chunks of rows gives the rows of one in-memory read, and refuses a bad file
/// with the same message, wherever the problem sits relative to the blocks and chunks.</summary>
public sealed class ChunkedReadTests
{
    private const string Header = "id,day,temp,hum,season";

    private static readonly ProductSchema WithoutKey = new(TestSchemas.Regression.Columns.Where(c => c.Role != ColumnRole.RowKey).ToList());

    private static string WriteFile(TempDirectory temp, byte[] bytes, string name = "b.csv")
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1_000)]
    public void ReadFileChunks_AnyChunkSize_GivesTheRowsOfOneRead(int chunkRows)
    {
        using var temp = new TempDirectory();
        var text = TestSchemas.RegressionCsv(1_000, seed: 4, withLabel: true);
        var path = WriteFile(temp, Encoding.UTF8.GetBytes(text));
        var whole = CsvBatchReader.Read(Encoding.UTF8.GetBytes(text), "b.csv", TestSchemas.Regression, CsvReadMode.Batch);

        var chunks = new List<ParsedCsv>();
        var rows = CsvBatchReader.ReadFileChunks(path, "b.csv", TestSchemas.Regression, CsvReadMode.Batch, chunkRows, chunks.Add);

        Assert.Equal(1_000, rows);
        Assert.Equal((1_000 + chunkRows - 1) / chunkRows, chunks.Count);
        Assert.Equal(Enumerable.Range(0, chunks.Count).Select(i => i * chunkRows), chunks.Select(c => c.FirstRow));
        Assert.All(chunks, c => Assert.True(c.HasLabels));
        Assert.Equal(whole.RowKeys, chunks.SelectMany(c => c.RowKeys));
        Assert.Equal(whole.Table.Numeric("temp"), chunks.SelectMany(c => c.Table.Numeric("temp")));
        Assert.Equal(whole.Table.Numeric("hum"), chunks.SelectMany(c => c.Table.Numeric("hum")));
        Assert.Equal(whole.Table.Strings("season"), chunks.SelectMany(c => c.Table.Strings("season")));
        Assert.Equal(whole.Table.Timestamps("day"), chunks.SelectMany(c => c.Table.Timestamps("day")));
        Assert.Equal(whole.Table.Numeric("cnt"), chunks.SelectMany(c => c.Table.Numeric("cnt")));
    }

    [Fact]
    public void ReadFileChunks_SchemaWithoutRowKey_NumbersRowsAcrossChunks()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Range(1, 25).Select(i => $"2024-03-01,{i},0.5,summer");
        var path = WriteFile(temp, Encoding.UTF8.GetBytes("day,temp,hum,season\n" + string.Join('\n', lines) + "\n"));

        var chunks = new List<ParsedCsv>();
        CsvBatchReader.ReadFileChunks(path, "b.csv", WithoutKey, CsvReadMode.Batch, 10, chunks.Add);

        Assert.False(chunks[0].HasKeyColumn);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), chunks.SelectMany(c => c.RowKeys));
    }

    [Fact]
    public void ReadFileChunks_BadCellInALaterChunk_HandsOnlyTheChunksBeforeItAndNamesTheCell()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Range(1, 60).Select(i => i == 45 ? $"r{i},2024-03-01,warm,0.1,summer" : $"r{i},2024-03-01,{i},0.1,summer");
        var path = WriteFile(temp, Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n"));

        var handed = new List<int>();
        var error = Assert.Throws<InputValidationException>(() =>
            CsvBatchReader.ReadFileChunks(path, "b.csv", TestSchemas.Regression, CsvReadMode.Batch, 10, c => handed.Add(c.FirstRow)));

        // Row 45 of the data is line 46 of the file (the header is row 1); its chunk (rows 41–50) is never handed over.
        Assert.Equal([0, 10, 20, 30], handed);
        Assert.Contains("'warm' is not a number", Assert.Single(error.Errors, e => e.Key.Contains("row 46", StringComparison.Ordinal)).Value[0]);
    }

    public static TheoryData<string, byte[]> BadFiles()
    {
        var filler = string.Concat(Enumerable.Range(1, 3_000).Select(i => $"r{i},2024-03-01,{i % 40},0.5,summer\n"));
        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "whitespace", Encoding.UTF8.GetBytes(" \r\n\n") },
            { "bom only", [0xEF, 0xBB, 0xBF, (byte)'\n'] },
            { "utf-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\n")).ToArray() },
            { "nul past the first block", Encoding.UTF8.GetBytes(Header + "\n" + filler + "r0,2024-03-01,1,0.5,sum\0mer\n") },
            { "latin-1 past the first block", Encoding.UTF8.GetBytes(Header + "\n" + filler).Concat(Encoding.Latin1.GetBytes("r0,2024-03-01,1,0.5,été\n")).ToArray() },
            { "long value across blocks", Encoding.UTF8.GetBytes(Header + "\n" + filler + "r0,2024-03-01,1,0.5," + new string('x', CsvLimits.MaxFieldBytes + 10) + "\n") },
            { "repeated header name", Encoding.UTF8.GetBytes("id,day,temp,temp,season\nr1,2024-03-01,1,2,summer\n") },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void ReadFile_BadFile_RefusedWithTheMessageOfAnInMemoryRead(string name, byte[] bytes)
    {
        using var temp = new TempDirectory();
        var path = WriteFile(temp, bytes);

        var inMemory = Assert.Throws<InputValidationException>(() => CsvBatchReader.Read(bytes, "b.csv", TestSchemas.Regression, CsvReadMode.Batch));
        var streamed = Assert.Throws<InputValidationException>(() => CsvBatchReader.ReadFileChunks(path, "b.csv", TestSchemas.Regression, CsvReadMode.Batch, 100, _ => { }));

        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(inMemory.Message, streamed.Message);
        Assert.Equal(inMemory.Errors.Keys, streamed.Errors.Keys);
    }
}
