using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

/// <summary>Pipelines upload at the same time: on a real temp SQLite store every upload lands exactly once, no answer
/// is a 500, and the log holds no error (no 'database table is locked', no disposed handler).</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class ConcurrentUploadsApiTests : ApiTestBase
{
    private const int Uploads = 20;
    private const int RowsPerUpload = 2_000;
    private const int LabelUploads = 12;

    [Fact]
    public async Task Upload_TwentyBatchesAndTwelveLabelFilesAtOnce_EveryRowStoredExactlyOnceWithoutErrors()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Dashboard:RateLimits:ApiPerMinute"] = "100000" }, logs: logs);
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);

        var batchAnswers = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(i => SendWithRetryAsync(client, () =>
            $"/api/products/{productId}/batches?fileName=batch-{i}.csv",
            TestSchemas.RegressionCsv(RowsPerUpload, seed: 100 + i, withLabel: false, firstId: 1 + (i * RowsPerUpload)))));

        Assert.All(batchAnswers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(Uploads, await db.Batches.CountAsync(b => b.ProductId == productId));
            Assert.Equal(Uploads * RowsPerUpload, await db.Predictions.CountAsync());
            Assert.Equal(Uploads * RowsPerUpload, await db.Predictions.Select(p => p.RowKey).Distinct().CountAsync());
        }

        // Labels for the first 12 batches, each file its own batch's keys, all at once.
        var labelAnswers = await Task.WhenAll(Enumerable.Range(0, LabelUploads).Select(i => SendWithRetryAsync(client, () =>
            $"/api/products/{productId}/labels?fileName=labels-{i}.csv", LabelsCsv(1 + (i * RowsPerUpload), RowsPerUpload))));

        Assert.All(labelAnswers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(LabelUploads * RowsPerUpload, await db.Predictions.CountAsync(p => p.Label != null));
            Assert.Equal(Uploads, await db.Batches.CountAsync(b => b.ProductId == productId));
            Assert.Equal(0, await db.Batches.CountAsync(b => b.FollowUpPending));
            Assert.Equal(0, await db.FollowUps.CountAsync(f => f.DoneAt == null));
        }
        Assert.Empty(logs.Errors);
        Assert.DoesNotContain(logs.Entries, e => e.Exception is ObjectDisposedException);
    }

    /// <summary>Sends a CSV body; a 429 or 503 must carry Retry-After and problem details, then the same upload is sent
    /// again (what a well-behaved pipeline does). Any other answer is returned as is.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> SendWithRetryAsync(HttpClient client, Func<string> url, string csv)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsync(url(), new StringContent(csv, Encoding.UTF8, "text/csv"));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= 20)
                return (response.StatusCode, body);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(2, response.Headers.RetryAfter!.Delta?.TotalSeconds ?? 1)));
        }
    }

    private static string LabelsCsv(int firstId, int rows)
    {
        var csv = new StringBuilder("id,cnt\n");
        for (var i = 0; i < rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"r{firstId + i},{(i % 50) + 1}\n");
        return csv.ToString();
    }
}
