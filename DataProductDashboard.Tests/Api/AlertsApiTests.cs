using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

[Trait(Providers.Trait, Providers.Both)]
public sealed class AlertsApiTests(SharedApp shared) : ApiTestBase, IClassFixture<SharedApp>
{
    private sealed record Arranged(int Rentals, int Credit, int CriticalOpen, int WarningAcknowledged, int CriticalResolved, int WarningOpen);

    private static async Task<Arranged> ArrangeAsync(DashboardAppFactory app, HttpClient client)
    {
        var rentals = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);
        var credit = await CreateProductAsync(client, "Credit", TaskType.Regression, TestSchemas.Regression);
        var ids = await AlertRows.InsertAsync(Factory(app),
            AlertRows.New(rentals, "RMSE above threshold", GateSeverity.Critical, count: 5, lastSeen: AlertRows.Now.AddHours(-1), link: "/batches/12", batchId: null),
            AlertRows.New(rentals, "Drift on temp", GateSeverity.Warning, AlertState.Acknowledged, count: 2, lastSeen: AlertRows.Now.AddHours(-2), column: "temp"),
            AlertRows.New(credit, "Missing batch", GateSeverity.Critical, AlertState.Resolved, count: 1, lastSeen: AlertRows.Now.AddHours(-3)),
            AlertRows.New(credit, "Completeness of age", GateSeverity.Warning, count: 3, lastSeen: AlertRows.Now));
        return new Arranged(rentals, credit, ids[0], ids[1], ids[2], ids[3]);
    }

    private static IDbContextFactory<DashboardDbContext> Factory(DashboardAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    private static async Task<(int Total, List<int> Ids)> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (page.GetProperty("totalCount").GetInt32(), page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList());
    }

    [Fact]
    public async Task List_NoFilter_ReturnsEveryAlertNewestLastSeenFirst()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var (total, ids) = await ListAsync(client, "/api/alerts");
        var first = (await client.GetFromJsonAsync<JsonElement>("/api/alerts", Json)).GetProperty("items")[0];

        Assert.Equal(4, total);
        Assert.Equal([a.WarningOpen, a.CriticalOpen, a.WarningAcknowledged, a.CriticalResolved], ids);
        Assert.Equal("Credit", first.GetProperty("productName").GetString());
        Assert.Equal("Warning", first.GetProperty("severity").GetString());
        Assert.Equal("Open", first.GetProperty("state").GetString());
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal($"/products/{a.Credit}/drift?column=temp", first.GetProperty("link").GetString());
    }

    [Fact]
    public async Task List_Filters_BySeverityStateAndProduct()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        Assert.Equal([a.CriticalOpen, a.CriticalResolved], (await ListAsync(client, "/api/alerts?severity=critical")).Ids);
        Assert.Equal([a.WarningOpen, a.CriticalOpen, a.WarningAcknowledged], (await ListAsync(client, "/api/alerts?state=Unresolved")).Ids);
        Assert.Equal([a.WarningOpen, a.CriticalOpen], (await ListAsync(client, "/api/alerts?state=Open")).Ids);
        Assert.Equal([a.CriticalResolved], (await ListAsync(client, "/api/alerts?state=Resolved")).Ids);
        Assert.Equal(4, (await ListAsync(client, "/api/alerts?state=All")).Total);
        Assert.Equal([a.CriticalOpen, a.WarningAcknowledged], (await ListAsync(client, $"/api/alerts?productId={a.Rentals}")).Ids);
        Assert.Equal([a.CriticalOpen], (await ListAsync(client, $"/api/alerts?productId={a.Rentals}&severity=Critical&state=Unresolved")).Ids);
        Assert.Equal([a.WarningOpen], (await ListAsync(client, $"/api/products/{a.Credit}/alerts?state=Open")).Ids);
        Assert.Equal([a.WarningOpen, a.CriticalResolved], (await ListAsync(client, $"/api/products/{a.Credit}/alerts")).Ids);
    }

    [Fact]
    public async Task List_PagedAndSorted_ReturnsTheRequestedSlice()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var (total, ids) = await ListAsync(client, "/api/alerts?sort=Count&descending=false&page=2&pageSize=2");
        var bySeverity = await ListAsync(client, "/api/alerts?sort=severity&state=Unresolved");

        Assert.Equal(4, total);
        Assert.Equal([a.WarningOpen, a.CriticalOpen], ids);
        Assert.Equal([a.CriticalOpen, a.WarningOpen, a.WarningAcknowledged], bySeverity.Ids);
    }

    [Fact]
    public async Task List_Csv_ExportsEveryMatchingAlert()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var response = await client.GetAsync("/api/alerts?format=csv&state=Unresolved&sort=LastSeen&descending=true&pageSize=1");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("alerts.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("id,product_id,product,severity,state,title,message,count,", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{a.WarningOpen},{a.Credit},Credit,Warning,Open,Completeness of age,", lines[1]);
        Assert.Contains(",carol,", lines[3]);
    }

    [Theory]
    [InlineData("/api/alerts?severity=Huge", "severity", "'Huge' is not a severity; use Warning or Critical.")]
    [InlineData("/api/alerts?state=Closed", "state", "'Closed' is not an alert state; use Unresolved, Open, Acknowledged, Resolved or All.")]
    [InlineData("/api/alerts?severity=1", "severity", "'1' is not a severity; use Warning or Critical.")]
    [InlineData("/api/alerts?productId=abc", "productId", "'abc' is not a product id.")]
    [InlineData("/api/alerts?sort=Colour", "sort", "'Colour' is not a sort column; use LastSeen, FirstSeen, Severity, Product, Title, Count or State.")]
    [InlineData("/api/alerts?pageSize=5000", "pageSize", "'5000' is not a whole number between 1 and 1000.")]
    [InlineData("/api/products/1/alerts?state=closed", "state", "'closed' is not an alert state; use Unresolved, Open, Acknowledged, Resolved or All.")]
    public async Task List_BadQueryValue_Returns400NamingTheField(string url, string field, string message)
    {
        var app = shared.App;

        var problem = await ProblemAsync(await app.CreateClient().GetAsync(url), 400);

        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task List_UnknownProduct_Returns404()
    {
        var app = shared.App;
        var client = app.CreateClient();

        var problem = await ProblemAsync(await client.GetAsync("/api/products/999/alerts"), 404);
        await ProblemAsync(await client.GetAsync("/api/alerts?productId=999"), 404);

        Assert.Equal("Data product '999' was not found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownAlert_Returns404ForEveryVerb()
    {
        var app = shared.App;
        var client = app.CreateClient();

        var problem = await ProblemAsync(await client.GetAsync("/api/alerts/999"), 404);
        await ProblemAsync(await client.PostAsync("/api/alerts/999/acknowledge", null), 404);
        await ProblemAsync(await client.PostAsJsonAsync("/api/alerts/999/resolve", new { note = "x" }), 404);

        Assert.Equal("Alert '999' was not found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoAndWhen()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{a.CriticalOpen}/acknowledge");
        request.Headers.Authorization = new("Bearer", app.CreateKey("alice", DashboardRoles.ProductManager));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var stored = await AlertRows.ReadAsync(Factory(app), a.CriticalOpen);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Acknowledged", body.GetProperty("state").GetString());
        Assert.Equal("key:alice", body.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal("key:alice", stored.AcknowledgedBy);
        Assert.InRange(stored.AcknowledgedAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(stored.AcknowledgedAt.Value, body.GetProperty("acknowledgedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Null(stored.ResolvedAt);
        Assert.Equal(1, (await ListAsync(client, "/api/alerts?state=Open")).Total);
    }

    [Fact]
    public async Task Acknowledge_AlreadyAcknowledged_KeepsTheFirstAcknowledger()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var response = await client.PostAsync($"/api/alerts/{a.WarningAcknowledged}/acknowledge", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("carol", body.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task Resolve_WithNote_RecordsResolverAndNoteThenConflictsOnASecondResolve()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{a.CriticalOpen}/resolve") { Content = JsonContent.Create(new { note = "  retrained v4  " }) };
        request.Headers.Authorization = new("Bearer", app.CreateKey("bob", DashboardRoles.DataScientist));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var again = await client.PostAsJsonAsync($"/api/alerts/{a.CriticalOpen}/resolve", new { note = "again" });
        var acknowledge = await client.PostAsync($"/api/alerts/{a.CriticalOpen}/acknowledge", null);
        var stored = await AlertRows.ReadAsync(Factory(app), a.CriticalOpen);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Resolved", body.GetProperty("state").GetString());
        Assert.Equal("key:bob", body.GetProperty("resolvedBy").GetString());
        Assert.Equal("retrained v4", body.GetProperty("resolutionNote").GetString());
        Assert.InRange(stored.ResolvedAt!.Value, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal("key:bob", stored.AcknowledgedBy);
        var conflict = await ProblemAsync(again, 409);
        Assert.Contains("already resolved (by key:bob)", conflict.GetProperty("detail").GetString());
        await ProblemAsync(acknowledge, 409);
        Assert.Equal("retrained v4", stored.ResolutionNote);
    }

    [Fact]
    public async Task Resolve_WithoutBody_ResolvesAsTheCallingKey()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var response = await client.PostAsync($"/api/alerts/{a.WarningAcknowledged}/resolve", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("key:tests-admin", body.GetProperty("resolvedBy").GetString());
        Assert.Equal("carol", body.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("resolutionNote").ValueKind);
    }

    [Fact]
    public async Task Resolve_NoteTooLong_Returns400AndStoresNothing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var problem = await ProblemAsync(await client.PostAsJsonAsync($"/api/alerts/{a.CriticalOpen}/resolve", new { note = new string('x', 2001) }), 400);
        var stored = await AlertRows.ReadAsync(Factory(app), a.CriticalOpen);

        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(AlertState.Open, stored.State);
    }

    [Fact]
    public async Task Get_KnownAlert_ReturnsItWithEvidence()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var a = await ArrangeAsync(app, client);

        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{a.WarningAcknowledged}", Json);

        Assert.Equal("Drift on temp", alert.GetProperty("title").GetString());
        Assert.Equal("temp", alert.GetProperty("column").GetString());
        Assert.Equal("Rentals", alert.GetProperty("productName").GetString());
        Assert.Equal("carol", alert.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheAlertEndpoints()
    {
        var app = shared.App;

        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/alerts", paths);
        Assert.Contains("/api/alerts/{alertId}/acknowledge", paths);
        Assert.Contains("/api/alerts/{alertId}/resolve", paths);
        Assert.Contains("/api/products/{productId}/alerts", paths);
    }
}
