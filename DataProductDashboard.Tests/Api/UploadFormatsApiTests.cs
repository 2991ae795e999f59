using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.Api.BadInputs;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Batches sent as Parquet or UTF-16 are stored as the UTF-8 CSV they hold and scored exactly as that CSV is.
/// Runs on the corpus app (its trained regression product), not an app of its own.</summary>
[Collection(CorpusAppCollection.Name)]
public sealed class UploadFormatsApiTests(BadInputCorpusFixture fixture) : ApiTestBase
{
    private string Batches => fixture.Resolve("/api/products/{p}/batches");

    private async Task<JsonElement> UploadAsync(byte[] file, string fileName, string contentType)
    {
        var response = await fixture.Client.PostAsync(Batches + "?allowDuplicate=true", Multipart(file, fileName, contentType));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private async Task<List<(string Key, double Predicted)>> PredictionsAsync(JsonElement batch)
    {
        var page = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{batch.GetProperty("id").GetInt32()}/predictions?pageSize=1000", Json);
        return page.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("rowKey").GetString()!, p.GetProperty("predicted").GetDouble()))
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task UploadBatch_Parquet_StoresTheSamePredictionsAsTheCsv()
    {
        var csv = TestSchemas.RegressionCsv(45, seed: 13, withLabel: false, firstId: 900);
        var parquet = await ParquetFiles.RegressionBatchAsync(csv, rowsPerGroup: 20);

        var fromParquet = await UploadAsync(parquet, "week.parquet", "application/vnd.apache.parquet");
        var fromCsv = await UploadAsync(TestSchemas.Utf8(csv), "week.csv", "text/csv");

        Assert.Equal("week.csv", fromParquet.GetProperty("fileName").GetString());
        Assert.Equal(45, fromParquet.GetProperty("rowCount").GetInt32());
        var expected = await PredictionsAsync(fromCsv);
        Assert.Equal(45, expected.Count);
        Assert.Equal(expected, await PredictionsAsync(fromParquet));
    }

    [Fact]
    public async Task UploadBatch_GzippedUtf16BigEndian_StoresTheSameFileAsTheUtf8Csv()
    {
        var csv = TestSchemas.RegressionCsv(25, seed: 17, withLabel: false, firstId: 950);
        var utf16 = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(csv)).ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(utf16);

        var fromUtf16 = await UploadAsync(gzipped.ToArray(), "week.csv.gz", "application/gzip");
        var fromUtf8 = await UploadAsync(TestSchemas.Utf8(csv), "week.csv", "text/csv");

        Assert.Equal(fromUtf8.GetProperty("fileHash").GetString(), fromUtf16.GetProperty("fileHash").GetString());
        Assert.Equal(await PredictionsAsync(fromUtf8), await PredictionsAsync(fromUtf16));
    }
}
