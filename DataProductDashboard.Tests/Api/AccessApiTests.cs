using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

/// <summary>API keys (bearer and X-Api-Key, revoked / expired / unknown, product restriction) and the sign-in cookie on
/// the API (reads only: a cross-site form post changes nothing).</summary>
public sealed class AccessApiTests : ApiTestBase
{
    [Fact]
    public async Task Get_WithoutCredentials_Returns401ProblemNamingTheWaysIn()
    {
        await using var app = new DashboardAppFactory();

        var problem = await ProblemAsync(await app.CreateAnonymousClient().GetAsync("/api/products"), 401);

        Assert.Contains("API key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_WithKeyInXApiKeyHeader_IsAllowed()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", app.CreateKey("reader", DashboardRoles.Viewer));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);
    }

    [Theory]
    [InlineData("unknown", "unknown")]
    [InlineData("revoked", "was revoked")]
    [InlineData("not-ours", "not a dashboard key")]
    public async Task Get_WithABadKey_Returns401SayingWhy(string kind, string expected)
    {
        await using var app = new DashboardAppFactory();
        var key = kind switch
        {
            "unknown" => ApiKeyService.KeyMarker + new string('x', 43),
            "not-ours" => "sk-live-123",
            _ => app.CreateKey("old pipeline", DashboardRoles.Ingest),
        };
        if (kind == "revoked")
            await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync("old pipeline", Actor.System, default);
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var problem = await ProblemAsync(await client.GetAsync("/api/products"), 401);

        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_WithAnExpiredKey_Returns401SayingItExpired()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = new DashboardAppFactory();
        var keys = new ApiKeyService(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>(),
            clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<ApiKeyService>.Instance);
        var created = await keys.CreateAsync(new CreateApiKeyRequest("short-lived", DashboardRoles.Viewer, Expires: new DateOnly(2026, 12, 2)), Actor.System, default);
        Assert.NotNull((await keys.CheckAsync(created.Key, default)).Key);
        clock.Advance(TimeSpan.FromDays(2));

        var check = await keys.CheckAsync(created.Key, default);

        Assert.Null(check.Key);
        Assert.Contains("expired on 2026-12-02", check.Failure);
    }

    [Fact]
    public async Task CreateKey_StoresOnlyAHashAndAPrefix()
    {
        await using var app = new DashboardAppFactory();
        var key = app.CreateKey("pipeline", DashboardRoles.Ingest);
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>().CreateDbContextAsync();

        var stored = db.ApiKeys.Single(k => k.Name == "pipeline");

        Assert.StartsWith(ApiKeyService.KeyMarker, key);
        Assert.True(key.Length >= 4 + 43, "256 random bits, base64url");
        Assert.Equal(ApiKeyService.HashOf(key), stored.Hash);
        Assert.True(key.StartsWith(stored.Prefix, StringComparison.Ordinal) && stored.Prefix.Length < 16);
        Assert.DoesNotContain(db.ApiKeys.AsEnumerable(), k => k.Hash.Contains(key[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestKeyRestrictedToOneProduct_UploadsThere_IsRefusedElsewhereAndOnGateEdits()
    {
        await using var app = new DashboardAppFactory();
        var admin = app.CreateClient();
        var mine = await CreateTrainedRegressionProductAsync(admin, "Mine");
        var other = await CreateProductAsync(admin, "Other", TaskType.Regression, TestSchemas.Regression);
        var ingest = app.CreateAnonymousClient();
        ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.CreateKey("bikes-pipeline", DashboardRoles.Ingest, [mine]));

        var upload = await ingest.PostAsync($"/api/products/{mine}/batches", CsvBody(TestSchemas.RegressionCsv(20, seed: 5, withLabel: false)));
        var elsewhere = await ingest.PostAsync($"/api/products/{other}/batches", CsvBody(TestSchemas.RegressionCsv(20, seed: 5, withLabel: false)));
        var gate = await ingest.PostAsJsonAsync($"/api/products/{mine}/gates", new { metricKey = "batch.rows", condition = "Gt", threshold = 1 });
        var list = await ingest.GetFromJsonAsync<JsonElement>("/api/products", Json);
        var batchId = (await upload.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Contains($"only use data products {mine}", (await ProblemAsync(elsewhere, 403)).GetProperty("detail").GetString());
        Assert.Contains("role Ingest", (await ProblemAsync(gate, 403)).GetProperty("detail").GetString());
        Assert.Equal([mine], list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal(JsonValueKind.Object, trail.ValueKind);
        Assert.Equal(1, await app.CountBatchesAsync(mine));
        Assert.Equal(0, await app.CountBatchesAsync(other));
    }

    [Fact]
    public async Task RestrictedKey_OutsideItsProducts_Gets403BeforeTheBodyIsRead()
    {
        await using var app = new DashboardAppFactory(maxUploadMegabytes: 1);
        var admin = app.CreateClient();
        var mine = await CreateProductAsync(admin, "Mine", TaskType.Regression, TestSchemas.Regression);
        var other = await CreateProductAsync(admin, "Other", TaskType.Regression, TestSchemas.Regression);
        var ingest = app.CreateAnonymousClient();
        ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.CreateKey("narrow", DashboardRoles.Ingest, [mine]));

        // Larger than the upload limit: reading it would answer 413, not 403.
        var oversized = new ByteArrayContent(new byte[3 * 1024 * 1024]);
        oversized.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await ingest.PostAsync($"/api/products/{other}/batches", oversized);

        await ProblemAsync(response, 403);
    }

    [Fact]
    public async Task ViewerKey_EveryWrite_Returns403AndStoresNothing()
    {
        await using var app = new DashboardAppFactory();
        var admin = app.CreateClient();
        var productId = await CreateProductAsync(admin, "Read only", TaskType.Regression, TestSchemas.Regression);
        var viewer = app.CreateClientWithRole(DashboardRoles.Viewer);

        var batch = await viewer.PostAsync($"/api/products/{productId}/batches", CsvBody(TestSchemas.RegressionCsv(20, seed: 5, withLabel: false)));
        var gate = await viewer.PostAsJsonAsync($"/api/products/{productId}/gates", new { metricKey = "batch.rows", condition = "Gt", threshold = 1 });
        var product = await viewer.PostAsJsonAsync("/api/products", new { name = "Sneaky" });

        await ProblemAsync(batch, 403);
        await ProblemAsync(gate, 403);
        await ProblemAsync(product, 403);
        Assert.Equal(0, await app.CountBatchesAsync(productId));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/products", Json)).EnumerateArray());
    }

    [Fact]
    public async Task Cookie_AllowsApiReadsButNoApiWrites()
    {
        await using var app = new DashboardAppFactory();
        var browser = await app.SignedInClientAsync(DashboardRoles.Admin);

        var read = await browser.GetAsync("/api/products");
        // What a cross-site form could send: the cookie, a form body, a foreign Origin (routing answers 415 before anything runs).
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/products")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Forged" }),
        };
        form.Headers.Add("Origin", "https://evil.example");
        var formPost = await browser.SendAsync(form);
        // And the JSON a script on the same site would send with the cookie.
        var json = await browser.PostAsJsonAsync("/api/products", new CreateProductRequestBody("Forged", TaskType.Regression, TestSchemas.Regression), Json);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(formPost.IsSuccessStatusCode);
        Assert.Contains("reads only", (await ProblemAsync(json, 401)).GetProperty("detail").GetString());
        Assert.Empty((await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/products", Json)).EnumerateArray());
    }

    private sealed record CreateProductRequestBody(string Name, TaskType Task, ProductSchema Schema);

    [Fact]
    public async Task OpenApiDocument_NeedsAKeyOrTheCookie()
    {
        await using var app = new DashboardAppFactory();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientWithRole(DashboardRoles.Viewer).GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(DashboardRoles.Viewer)).GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Actions_AreRecordedAsTheKeysName()
    {
        await using var app = new DashboardAppFactory();
        var productId = await CreateProductAsync(app.CreateClient(), "Trail", TaskType.Regression, TestSchemas.Regression);
        var pm = app.CreateAnonymousClient();
        pm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.CreateKey("release-bot", DashboardRoles.ProductManager));
        // The old self-declared name header is ignored.
        pm.DefaultRequestHeaders.Add("X-Dashboard-User", "someone.else");

        var created = await pm.PostAsJsonAsync($"/api/products/{productId}/gates", new { metricKey = "batch.rows", condition = "Gt", threshold = 1 });
        var trail = await pm.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/trail", Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("key:release-bot", trail.EnumerateArray().First().GetProperty("actor").GetString());
    }
}
