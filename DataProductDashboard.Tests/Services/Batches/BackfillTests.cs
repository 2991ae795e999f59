using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Batches;

public sealed class BackfillTests : ApiTestBase
{
    private static readonly DateTime Arrival = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public void Place_FlaggedBackfill_SitsAtItsNewestEvent()
    {
        var events = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal((events, true), BackfillRule.Place(Arrival, events, flagged: true, Month));
    }

    [Fact]
    public void Place_OldEventsNotFlagged_AreDetected()
    {
        var events = new DateTime(2024, 1, 28, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal((events, true), BackfillRule.Place(Arrival, events, flagged: null, Month));
        Assert.Equal((Arrival, false), BackfillRule.Place(Arrival, events, flagged: false, Month));
    }

    [Fact]
    public void Place_RecentOrFutureEventsOrNone_SitAtArrival()
    {
        Assert.Equal((Arrival, false), BackfillRule.Place(Arrival, Arrival.AddDays(-2), null, Month));
        Assert.Equal((Arrival, false), BackfillRule.Place(Arrival, Arrival.AddDays(3), null, Month));
        Assert.Equal((Arrival, false), BackfillRule.Place(Arrival, null, null, Month));
        Assert.Equal((Arrival, true), BackfillRule.Place(Arrival, null, true, Month)); // no event time: stays, never late
    }

    [Fact]
    public void ParseParameters_RoundTripsTheBackfillFlag()
    {
        Assert.Equal((BatchSource.Ui, (bool?)true), BatchImportJobHandler.ParseParameters(BatchImportJobHandler.ParametersOf(BatchSource.Ui, true)));
        Assert.Equal((BatchSource.Api, (bool?)null), BatchImportJobHandler.ParseParameters("Api"));
    }

    [Fact]
    public async Task Upload_HistoryInALoop_IsPlacedByEventTimeAndNeverLate()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var batches = new List<JsonElement>();
        for (var week = 0; week < 6; week++)
        {
            var csv = TestSchemas.RegressionCsv(28, seed: week, withLabel: false, firstId: 1 + week * 28);
            // Week w: days 2024-01-01 + 7w … (the sample's 28 days shifted).
            csv = ShiftDays(csv, 7 * week);
            var response = await client.PostAsync($"/api/products/{id}/batches?backfill=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            batches.Add(await response.Content.ReadFromJsonAsync<JsonElement>(Json));
        }

        Assert.All(batches, b => Assert.True(b.GetProperty("backfill").GetBoolean()));
        Assert.All(batches, b => Assert.Equal(b.GetProperty("eventTimeTo").GetDateTime(), b.GetProperty("receivedAt").GetDateTime()));
        var late = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/metrics?key=dq.late", Json);
        Assert.DoesNotContain("\"value\":1", late.GetRawText().Replace(" ", ""));
    }

    [Fact]
    public async Task Upload_EventsOlderThanTheSetting_IsDetectedAsABackfill()
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Dashboard:BackfillAfterDays"] = "30" });
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var response = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(28, withLabel: false)));
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.True(batch.GetProperty("backfill").GetBoolean());
        Assert.Equal(new DateTime(2024, 1, 28, 0, 0, 0, DateTimeKind.Utc), batch.GetProperty("receivedAt").GetDateTime().ToUniversalTime());
        // The upload time is kept beside it (the retention setting counts from it).
        Assert.True(batch.GetProperty("uploadedAt").GetDateTime() > new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Upload_NotABackfillSaidSo_SitsAtArrival()
    {
        HttpClient client;
        int id;

        await using var detecting = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Dashboard:BackfillAfterDays"] = "30" });
        client = detecting.CreateClient();
        id = await CreateTrainedRegressionProductAsync(client);
        var response = await client.PostAsync($"/api/products/{id}/batches?backfill=false", CsvBody(TestSchemas.RegressionCsv(20, withLabel: false)));
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.False(batch.GetProperty("backfill").GetBoolean());
        Assert.True(batch.GetProperty("receivedAt").GetDateTime() > new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(batch.GetProperty("receivedAt").GetDateTime(), batch.GetProperty("uploadedAt").GetDateTime());
    }

    [Fact]
    public async Task Upload_BadBackfillFlag_Returns400NamingIt()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client);

        var problem = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches?backfill=maybe", CsvBody(TestSchemas.RegressionCsv(5, withLabel: false))), 400);

        Assert.Contains("'maybe' is not true or false", problem.GetProperty("detail").GetString());
    }

    private static string ShiftDays(string csv, int days) =>
        System.Text.RegularExpressions.Regex.Replace(csv, @"\d{4}-\d{2}-\d{2}", m =>
            DateTime.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
