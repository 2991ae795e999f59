using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Batches;

public sealed class ChunkReadAheadTests
{
    private static string WriteFile(TempDirectory temp, string csv)
    {
        var path = Path.Combine(temp.Path, "b.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    [Fact]
    public async Task RunAsync_ManyChunks_HandsEveryRowOverOnceInOrder()
    {
        using var temp = new TempDirectory();
        var path = WriteFile(temp, TestSchemas.RegressionCsv(1_050, withLabel: false));
        var seen = new List<(int FirstRow, int Rows, string FirstKey)>();

        var reading = await ChunkReadAhead.RunAsync(path, "b.csv", TestSchemas.Regression, TimeZoneInfo.Utc, 100, chunk =>
        {
            Thread.Sleep(2); // a consumer slower than the reader: the reader waits, and its waits are not reading time
            seen.Add((chunk.FirstRow, chunk.RowCount, chunk.RowKeys[0]));
        }, default);

        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 100), seen.Select(s => s.FirstRow));
        Assert.Equal(1_050, seen.Sum(s => s.Rows));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"r{(i * 100) + 1}"), seen.Select(s => s.FirstKey));
        Assert.True(reading > TimeSpan.Zero);
    }

    [Fact]
    public async Task RunAsync_BadRowInALaterChunk_ThrowsTheReadersErrorNamingTheRow_AfterTheGoodChunks()
    {
        using var temp = new TempDirectory();
        var lines = TestSchemas.RegressionCsv(450, withLabel: false).Split('\n').ToList();
        lines[350] = "r350,2012-01-01,warm,0.5,summer"; // row 351 of the file: 'warm' in the numeric column temp
        var path = WriteFile(temp, string.Join('\n', lines));
        var consumed = new List<int>();

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            ChunkReadAhead.RunAsync(path, "b.csv", TestSchemas.Regression, TimeZoneInfo.Utc, 100, chunk => consumed.Add(chunk.FirstRow), default));

        Assert.Contains("row 351", error.Message);
        Assert.Contains("temp", error.Message);
        Assert.Equal([0, 100, 200], consumed);
    }

    [Fact]
    public async Task RunAsync_ConsumerFails_ThrowsTheConsumersErrorAndStopsTheReader()
    {
        using var temp = new TempDirectory();
        var path = WriteFile(temp, TestSchemas.RegressionCsv(2_000, withLabel: false));
        var consumed = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ChunkReadAhead.RunAsync(path, "b.csv", TestSchemas.Regression, TimeZoneInfo.Utc, 100, chunk =>
            {
                if (++consumed == 2)
                    throw new InvalidOperationException("scoring failed");
            }, default));

        Assert.Equal("scoring failed", error.Message);
        Assert.Equal(2, consumed);
    }
}
