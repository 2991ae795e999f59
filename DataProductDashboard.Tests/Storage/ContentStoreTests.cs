using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Schema;

namespace DataProductDashboard.Tests.Storage;

/// <summary>What <see cref="ContentStore.ReceiveAsync"/> makes of each upload format: gzip, UTF-16 / UTF-8 text and
/// Parquet all become the UTF-8 CSV the readers take, and nothing is left in data/tmp but the upload.</summary>
public sealed class ContentStoreTests : IDisposable
{
    private const long Limit = 1 << 20;
    private readonly TempDirectory _temp = new();
    private readonly ContentStore _store;

    public ContentStoreTests()
    {
        _store = new ContentStore(Options.Create(new DashboardOptions { RootDirectory = _temp.Path }), new DirectoryFiles(), NullLogger<ContentStore>.Instance);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A regression batch with non-ASCII row keys (two- and three-byte UTF-8, a surrogate pair in UTF-16).</summary>
    private static readonly string Csv = TestSchemas.RegressionCsv(30, seed: 5, withLabel: false).Replace("\nr", "\nZürich-東京-😀-", StringComparison.Ordinal);

    private Task<UploadedFile> ReceiveAsync(byte[] bytes, string fileName, long limit = Limit) =>
        _store.ReceiveAsync(new MemoryStream(bytes), fileName, limit, () => new PayloadTooLargeException(limit), CancellationToken.None);

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private static ParsedCsv Parse(UploadedFile file, ProductSchema schema) => CsvBatchReader.ReadFile(file.Path, file.FileName, schema, CsvReadMode.Batch);

    private string[] TempFiles() => Directory.GetFiles(_store.TempDirectory);

    public static TheoryData<string, bool> Unicode => new()
    {
        { "utf-16le", false }, { "utf-16le", true }, { "utf-16be", false }, { "utf-16be", true },
        { "utf-32le", false }, { "utf-32be", true },
    };

    [Theory]
    [MemberData(nameof(Unicode))]
    public async Task ReceiveAsync_UnicodeWithByteOrderMark_StoresTheUtf8FileAndParsesTheSameRows(string encodingName, bool gzip)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Csv)).ToArray();

        using var upload = await ReceiveAsync(gzip ? Gzip(bytes) : bytes, gzip ? "week.csv.gz" : "week.csv");

        var utf8 = new UTF8Encoding(false).GetBytes(Csv);
        Assert.Equal(utf8, await File.ReadAllBytesAsync(upload.Path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(utf8)), upload.Hash);
        Assert.Equal(utf8.Length, upload.Length);
        Assert.Equal("week.csv", upload.FileName);
        var expected = CsvBatchReader.Read(utf8, "week.csv", TestSchemas.Regression, CsvReadMode.Batch);
        var parsed = Parse(upload, TestSchemas.Regression);
        Assert.Equal(expected.RowKeys, parsed.RowKeys);
        Assert.Equal(expected.Table.Numeric("temp"), parsed.Table.Numeric("temp"));
        Assert.Equal(expected.Table.Timestamps("day"), parsed.Table.Timestamps("day"));
        Assert.Equal([upload.Path], TempFiles());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReceiveAsync_Utf8WithOrWithoutByteOrderMark_IsStoredAsSentAndParses(bool bom)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(Csv)).ToArray();

        using var upload = await ReceiveAsync(bytes, "week.csv");

        Assert.Equal(bytes, await File.ReadAllBytesAsync(upload.Path));
        Assert.Equal(30, Parse(upload, TestSchemas.Regression).RowCount);
        Assert.StartsWith("Zürich-東京-😀-", Parse(upload, TestSchemas.Regression).RowKeys[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_Utf16WithALoneSurrogate_ThrowsNamingTheFile()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestSchemas.RegressionHeader + "\n")).Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => ReceiveAsync(bytes, "week.csv"));

        Assert.Contains("'week.csv' starts with a UTF-16 byte-order mark but is not valid UTF-16 text", error.Message);
        Assert.Equal(["file"], error.Errors.Keys);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ReceiveAsync_ParquetWithSeveralRowGroups_ConvertsToTheExactCsv()
    {
        var file = await AllTypesParquetAsync();

        using var upload = await ReceiveAsync(file, "week.parquet");

        var csv = await File.ReadAllTextAsync(upload.Path);
        Assert.Equal(AllTypesCsv, csv);
        var bytes = Encoding.UTF8.GetBytes(AllTypesCsv);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Hash);
        Assert.Equal(bytes.Length, upload.Length);
        Assert.Equal("week.csv", upload.FileName);
        Assert.Equal([upload.Path], TempFiles()); // the spooled Parquet file is gone
    }

    [Fact]
    public async Task ReceiveAsync_ParquetValues_RoundTripThroughTheCsvReader()
    {
        // The app reads no line break inside a value (next test): this file's text has none.
        var notes = Notes.Select(n => n?.Replace('\n', ' ')).ToArray();
        using var upload = await ReceiveAsync(Gzip(await AllTypesParquetAsync(notes)), "week.parquet.gz");

        var table = Parse(upload, AllTypesSchema).Table;

        Assert.Equal("week.csv", upload.FileName);
        Assert.Equal(X.Select(v => v ?? double.NaN), table.Numeric("x")); // exact: the shortest round-trip form
        Assert.Equal(F, table.Numeric("f").Select(v => (float)v));
        Assert.Equal(notes.Select(n => string.IsNullOrEmpty(n) ? null : n), table.Strings("note"));
        Assert.Equal(At, table.Timestamps("at"));
        Assert.Equal(Days.Select(d => (DateTime?)d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), table.Timestamps("day"));
        Assert.Equal(Flags.Select(b => b is { } v ? (v ? "true" : "false") : null), table.Strings("flag"));
    }

    [Fact]
    public async Task ReceiveAsync_ParquetTextWithALineBreak_IsQuotedAndTheReaderSaysLineBreaksAreNotRead()
    {
        using var upload = await ReceiveAsync(await AllTypesParquetAsync(), "week.parquet");

        Assert.Contains(",\"two\nlines\",", await File.ReadAllTextAsync(upload.Path));
        var error = Assert.Throws<InputValidationException>(() => Parse(upload, AllTypesSchema));
        Assert.Equal(["row 5, column 'note'"], error.Errors.Keys);
        Assert.Contains("line breaks inside a value are not read", error.Errors["row 5, column 'note'"][0]);
    }

    [Fact]
    public async Task ReceiveAsync_DamagedParquet_ThrowsNamingTheFileAndLeavesNothing()
    {
        var file = ParquetFiles.Damaged(await AllTypesParquetAsync());

        var error = await Assert.ThrowsAsync<InputValidationException>(() => ReceiveAsync(file, "week.parquet"));

        Assert.StartsWith("'week.parquet' starts like a Parquet file but cannot be read (", error.Message, StringComparison.Ordinal);
        Assert.Equal(["file"], error.Errors.Keys);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ReceiveAsync_ParquetCutShort_ThrowsNamingTheFile()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => ReceiveAsync("PAR1"u8.ToArray(), "tiny.parquet"));

        Assert.Contains("'tiny.parquet' starts like a Parquet file but cannot be read", error.Message);
        Assert.Empty(TempFiles());
    }

    public static TheoryData<string> NestedKinds => ["list", "struct", "map"];

    [Theory]
    [MemberData(nameof(NestedKinds))]
    public async Task ReceiveAsync_ParquetWithANestedColumn_IsRefusedNamingTheColumn(string kind)
    {
        Field nested = kind switch
        {
            "list" => new ListField("tags", typeof(string)),
            "struct" => new StructField("tags", new DataField<string>("city")),
            _ => new MapField("tags", new DataField<string>("key", false), new DataField<int>("value")),
        };
        var file = await ParquetFiles.WithNestedColumnAsync(nested);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => ReceiveAsync(file, "week.parquet"));

        Assert.Contains($"'week.parquet' has the nested column 'tags' (a {kind}); only flat columns (one plain value per row) are read", error.Message);
        Assert.Equal(["file"], error.Errors.Keys);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task ReceiveAsync_ParquetOverTheLimit_ThrowsTooLargeAndLeavesNothing()
    {
        var file = await AllTypesParquetAsync();
        // 2,000 rows of the same 100 characters: a small Parquet file, a 200 kB CSV.
        var note = new DataField<string>("note");
        var repetitive = await ParquetFiles.WriteAsync(new ParquetSchema(note), writer => writer.WriteAsync(note, Enumerable.Repeat(new string('x', 100), 2000).ToArray()));

        await Assert.ThrowsAsync<PayloadTooLargeException>(() => ReceiveAsync(file, "week.parquet", limit: file.Length - 1));
        Assert.True(repetitive.Length < 20_000, $"{repetitive.Length} bytes");
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => ReceiveAsync(repetitive, "notes.parquet", limit: 20_000)); // the raw file fits, its CSV does not

        Assert.Empty(TempFiles());
    }

    private static readonly ProductSchema AllTypesSchema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("x", ColumnKind.Numeric, Nullable: true),
        new("f", ColumnKind.Numeric),
        new("n", ColumnKind.Numeric, Nullable: true),
        new("price", ColumnKind.Numeric),
        new("note", ColumnKind.Text, Nullable: true),
        new("at", ColumnKind.Timestamp, Nullable: true),
        new("day", ColumnKind.Timestamp),
        new("flag", ColumnKind.Categorical, Nullable: true, AllowedValues: ["true", "false"]),
    ]);

    // Seven rows in three row groups (3, 2, 2) covering the value forms.
    private static readonly int[] Ids = [1, 2, 3, 4, 5, 6, 7];
    private static readonly double?[] X = [0.1, 1e-300, null, 1.0 / 3, 123456789.125, double.MaxValue, double.Epsilon];
    private static readonly float[] F = [0.1f, -2.5f, 1e-7f, 0.3f, -0.5f, 1f, float.Epsilon];
    private static readonly long?[] N = [42, null, 9007199254740993, 0, -1, 7, null];
    private static readonly decimal[] Prices = [12.5m, -0.01m, 0m, 1234567.89m, -5.5m, 0.01m, 99.99m];
    private static readonly string?[] Notes = ["plain", "a,b", "say \"hi\"", "two\nlines", null, "Zürich 東京", ""];
    private static readonly DateTime?[] At =
    [
        new DateTime(2024, 3, 1, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234560), new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), null,
        new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9999990), DateTime.UnixEpoch,
        new DateTime(2000, 2, 29, 12, 0, 0, 500, DateTimeKind.Utc), new DateTime(2038, 1, 19, 3, 14, 8, DateTimeKind.Utc),
    ];
    private static readonly DateOnly[] Days = [new(2024, 3, 1), new(2024, 2, 29), new(2024, 12, 31), new(2024, 1, 1), new(1970, 1, 1), new(2000, 2, 29), new(2038, 1, 19)];
    private static readonly bool?[] Flags = [true, false, null, true, false, true, null];

    private const string AllTypesCsv =
        "id,x,f,n,price,note,at,day,flag\n" +
        "1,0.1,0.1,42,12.50,plain,2024-03-01T12:34:56.123456Z,2024-03-01,true\n" +
        "2,1E-300,-2.5,,-0.01,\"a,b\",2024-03-02T00:00:00Z,2024-02-29,false\n" +
        "3,,1E-07,9007199254740993,0.00,\"say \"\"hi\"\"\",,2024-12-31,\n" +
        "4,0.3333333333333333,0.3,0,1234567.89,\"two\nlines\",2023-12-31T23:59:59.999999Z,2024-01-01,true\n" +
        "5,123456789.125,-0.5,-1,-5.50,,1970-01-01T00:00:00Z,1970-01-01,false\n" +
        "6,1.7976931348623157E+308,1,7,0.01,Zürich 東京,2000-02-29T12:00:00.5Z,2000-02-29,true\n" +
        "7,5E-324,1E-45,,99.99,,2038-01-19T03:14:08Z,2038-01-19,\n";

    private static Task<byte[]> AllTypesParquetAsync(string?[]? notes = null)
    {
        notes ??= Notes;
        var id = new DataField<int>("id");
        var x = new DataField<double?>("x");
        var f = new DataField<float>("f");
        var n = new DataField<long?>("n");
        var price = new DecimalDataField("price", 9, 2);
        var note = new DataField<string>("note");
        var at = new DateTimeDataField("at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);
        var day = new DataField<DateOnly>("day");
        var flag = new DataField<bool?>("flag");
        Func<ParquetRowGroupWriter, Task> Group(int from, int count) => async writer =>
        {
            await writer.WriteAsync<int>(id, Ids.AsMemory(from, count));
            await writer.WriteAsync<double>(x, X.AsMemory(from, count));
            await writer.WriteAsync<float>(f, F.AsMemory(from, count));
            await writer.WriteAsync<long>(n, N.AsMemory(from, count));
            await writer.WriteAsync<decimal>(price, Prices.AsMemory(from, count));
            await writer.WriteAsync(note, notes.Skip(from).Take(count).ToArray()!);
            await writer.WriteAsync<DateTime>(at, At.AsMemory(from, count));
            await writer.WriteAsync<DateOnly>(day, Days.AsMemory(from, count));
            await writer.WriteAsync<bool>(flag, Flags.AsMemory(from, count));
        };
        return ParquetFiles.WriteAsync(new ParquetSchema(id, x, f, n, price, note, at, day, flag), Group(0, 3), Group(3, 2), Group(5, 2));
    }
}
