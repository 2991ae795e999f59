using System.Net;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.Hosting;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Every API endpoint as anonymous, Viewer, DataScientist, ProductManager, Admin and an Ingest key, against the
/// table below (the README carries the same table). "Allowed" means the request got past authorization (it may still
/// answer 400 or 404: the bodies here are empty and the ids made up). Anonymous always gets 401; a role not listed, 403.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    private const string Everyone = "Viewer DataScientist ProductManager Admin Ingest";
    /// <summary>Open to anyone: the API reference page and its scripts (what they show comes from the signed-in document).</summary>
    private const string Public = "anonymous Viewer DataScientist ProductManager Admin Ingest";
    private const string Managers = "ProductManager Admin";
    private const string ModelEditors = "DataScientist Admin";
    private const string Uploaders = "DataScientist Admin Ingest";

    /// <summary>Method, route template (as mapped), roles allowed.</summary>
    public static readonly TheoryData<string, string, string> Table = new()
    {
        { "GET", "/api/products", Everyone },
        { "POST", "/api/products", "DataScientist ProductManager Admin" },
        { "POST", "/api/products/infer-schema", "DataScientist ProductManager Admin" },
        { "GET", "/api/products/{productId:int}", Everyone },
        { "PUT", "/api/products/{productId:int}", Managers },
        { "DELETE", "/api/products/{productId:int}", "Admin" },
        { "POST", "/api/products/{productId:int}/archive", Managers },
        { "POST", "/api/products/{productId:int}/restore", Managers },
        { "GET", "/api/products/{productId:int}/schema/versions", Everyone },
        { "PUT", "/api/products/{productId:int}/schema", Managers },
        { "GET", "/api/products/{productId:int}/models", Everyone },
        { "GET", "/api/products/{productId:int}/models/{version:int}", Everyone },
        { "GET", "/api/products/{productId:int}/models/compare", Everyone },
        { "GET", "/api/products/{productId:int}/evaluation-set", Everyone },
        { "PUT", "/api/products/{productId:int}/evaluation-set", ModelEditors },
        { "DELETE", "/api/products/{productId:int}/evaluation-set", ModelEditors },
        { "GET", "/api/products/{productId:int}/models/{version:int}/lineage", Everyone },
        { "POST", "/api/products/{productId:int}/models/{version:int}/challenger", ModelEditors },
        { "DELETE", "/api/products/{productId:int}/models/{version:int}/challenger", ModelEditors },
        { "POST", "/api/products/{productId:int}/models", ModelEditors },
        { "POST", "/api/products/{productId:int}/models/train", ModelEditors },
        { "POST", "/api/products/{productId:int}/models/{version:int}/promote", Managers },
        { "POST", "/api/products/{productId:int}/models/{version:int}/release-evaluation", "DataScientist ProductManager Admin" },
        { "POST", "/api/products/{productId:int}/models/{version:int}/waivers", Managers },
        { "POST", "/api/products/{productId:int}/models/rollback", Managers },
        { "GET", "/api/products/{productId:int}/waivers", Everyone },
        { "POST", "/api/products/{productId:int}/batches", Uploaders },
        { "GET", "/api/products/{productId:int}/batches", Everyone },
        { "GET", "/api/batches/{batchId:int}", Everyone },
        { "POST", "/api/batches/{batchId:int}/audit", ModelEditors },
        { "GET", "/api/batches/{batchId:int}/predictions", Everyone },
        { "GET", "/api/jobs/{jobId:guid}", Everyone },
        { "GET", "/api/products/{productId:int}/jobs", Everyone },
        { "GET", "/api/products/{productId:int}/metrics", Everyone },
        { "GET", "/api/products/{productId:int}/metrics/keys", Everyone },
        { "GET", "/api/products/{productId:int}/releases", Everyone },
        { "GET", "/api/products/{productId:int}/health", Everyone },
        { "GET", "/api/products/{productId:int}/drift-settings", Everyone },
        { "PUT", "/api/products/{productId:int}/drift-settings", ModelEditors },
        { "GET", "/api/products/{productId:int}/drift-methods", Everyone },
        { "GET", "/api/batches/{batchId:int}/distribution", Everyone },
        { "GET", "/api/batches/{batchId:int}/uncovered", Everyone },
        { "GET", "/api/products/{productId:int}/fairness", Everyone },
        { "GET", "/api/products/{productId:int}/weak-segments", Everyone },
        { "POST", "/api/products/{productId:int}/labels", Uploaders },
        { "GET", "/api/products/{productId:int}/gates", Everyone },
        { "GET", "/api/products/{productId:int}/gates/{ruleId:int}", Everyone },
        { "POST", "/api/products/{productId:int}/gates", Managers },
        { "PUT", "/api/products/{productId:int}/gates/{ruleId:int}", Managers },
        { "DELETE", "/api/products/{productId:int}/gates/{ruleId:int}", Managers },
        { "GET", "/api/products/{productId:int}/gates/metrics", Everyone },
        { "GET", "/api/products/{productId:int}/gates/proposals", Everyone },
        { "POST", "/api/products/{productId:int}/gates/preview", Managers },
        { "GET", "/api/products/{productId:int}/gates/evaluations", Everyone },
        { "GET", "/api/products/{productId:int}/trail", Everyone },
        { "PUT", "/api/products/{productId:int}/cadence", Managers },
        { "GET", "/api/batches/{batchId:int}/gates", Everyone },
        { "GET", "/api/batches/{batchId:int}/proposed-gates", Everyone },
        { "GET", "/api/alerts", Everyone },
        { "GET", "/api/alerts/{alertId:int}", Everyone },
        { "POST", "/api/alerts/{alertId:int}/acknowledge", "DataScientist ProductManager Admin" },
        { "POST", "/api/alerts/{alertId:int}/resolve", "DataScientist ProductManager Admin" },
        { "GET", "/api/products/{productId:int}/alerts", Everyone },
        { "GET", "/api/products/{productId:int}/channels", Everyone },
        { "POST", "/api/products/{productId:int}/channels", Managers },
        { "GET", "/api/products/{productId:int}/channels/{channelId:int}", Everyone },
        { "PUT", "/api/products/{productId:int}/channels/{channelId:int}", Managers },
        { "POST", "/api/products/{productId:int}/channels/{channelId:int}/rotate-secret", Managers },
        { "DELETE", "/api/products/{productId:int}/channels/{channelId:int}", Managers },
        { "POST", "/api/products/{productId:int}/channels/{channelId:int}/test", Managers },
        { "GET", "/api/products/{productId:int}/channels/deliveries", Everyone },
        { "GET", "/api/insights", Everyone },
        { "GET", "/api/products/{productId:int}/insights", Everyone },
        { "GET", "/api/products/{productId:int}/report", Everyone },
        { "GET", "/api/products/{productId:int}/kpis", Everyone },
        { "GET", "/api/products/{productId:int}/kpis/{kpiId:int}", Everyone },
        { "POST", "/api/products/{productId:int}/kpis", Managers },
        { "PUT", "/api/products/{productId:int}/kpis/{kpiId:int}", Managers },
        { "DELETE", "/api/products/{productId:int}/kpis/{kpiId:int}", Managers },
        { "POST", "/api/products/{productId:int}/kpis/{kpiId:int}/values", "ProductManager Admin Ingest" },
        { "GET", "/api/products/{productId:int}/kpis/{kpiId:int}/values", Everyone },
        { "GET", "/api/products/{productId:int}/experiments", Everyone },
        { "POST", "/api/products/{productId:int}/experiments", "DataScientist ProductManager Admin" },
        { "GET", "/api/products/{productId:int}/experiments/metrics", Everyone },
        { "GET", "/api/experiments/{experimentId:int}", Everyone },
        { "GET", "/api/experiments/{experimentId:int}/comparison.csv", Everyone },
        { "POST", "/api/experiments/{experimentId:int}/decision", Managers },
        { "GET", "/api/admin/users", "Admin" },
        { "POST", "/api/admin/users", "Admin" },
        { "PUT", "/api/admin/users/{email}/roles", "Admin" },
        { "DELETE", "/api/admin/users/{email}", "Admin" },
        { "GET", "/api/admin/keys", "Admin" },
        { "POST", "/api/admin/keys", "Admin" },
        { "DELETE", "/api/admin/keys/{name}", "Admin" },
        { "GET", "/openapi/{documentName}.json", Everyone },
        { "GET", "/api-reference/{documentName?}", Public },
        { "GET", "/api-reference/favicon.svg", Public },
        { "GET", "/api-reference/scalar.aspnetcore.js", Public },
        { "GET", "/api-reference/scalar.js", Public },
    };

    private static readonly string[] Callers = ["Viewer", "DataScientist", "ProductManager", "Admin", "Ingest"];

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Endpoint_EachCaller_GetsTheExpectedAnswer(string method, string template, string allowed)
    {
        var url = Concrete(template);
        var cells = new List<string>();
        cells.Add(Cell("anonymous", await SendAsync(fixture.Anonymous, method, url), expectAllowed: allowed == Public, denied: HttpStatusCode.Unauthorized));
        foreach (var caller in Callers)
        {
            var expectAllowed = allowed.Split(' ').Contains(caller);
            cells.Add(Cell(caller, await SendAsync(fixture.Clients[caller], method, url), expectAllowed, HttpStatusCode.Forbidden));
        }
        var wrong = cells.Where(c => c.StartsWith('✗')).ToList();
        Assert.True(wrong.Count == 0, $"{method} {template}: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void Table_CoversEveryApiEndpoint()
    {
        var mapped = EndpointAuthorizationTests.Endpoints(fixture.App)
            .Where(e => EndpointAuthorizationTests.Route(e) is var r && (r.StartsWith("/api", StringComparison.Ordinal) || r.StartsWith("/openapi", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {EndpointAuthorizationTests.Route(e)}"))
            .Distinct().Order().ToList();
        var listed = Table.Select(row => $"{row[0]} {row[1]}").Order().ToList();

        Assert.Equal(mapped, listed);
    }

    private static string Cell(string caller, HttpStatusCode status, bool expectAllowed, HttpStatusCode denied)
    {
        var isAllowed = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        var ok = expectAllowed ? isAllowed : status == denied;
        return $"{(ok ? "✓" : "✗")} {caller}: {(int)status} (expected {(expectAllowed ? "allowed" : ((int)denied).ToString(System.Globalization.CultureInfo.InvariantCulture))})";
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Made-up ids: the product exists (so restricted checks have something to compare), the rest need not.</summary>
    private static string Concrete(string template) => template
        .Replace("{productId:int}", "1").Replace("{version:int}", "9").Replace("{batchId:int}", "999").Replace("{ruleId:int}", "999")
        .Replace("{alertId:int}", "999").Replace("{channelId:int}", "999").Replace("{kpiId:int}", "999").Replace("{experimentId:int}", "999")
        .Replace("{jobId:guid}", "00000000-0000-0000-0000-000000000001").Replace("{documentName}", "v1").Replace("{documentName?}", "v1")
        .Replace("{email}", "nobody%40example.org").Replace("{name}", "no-such-key");

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public HttpClient Anonymous { get; private set; } = null!;
        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            var admin = App.CreateClient();
            var product = await admin.PostAsync("/api/products", new StringContent(
                $$"""{ "name": "Matrix", "task": "Regression", "schema": {{System.Text.Json.JsonSerializer.Serialize(TestSchemas.Regression, ApiTestBase.Json)}} }""",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, product.StatusCode);
            Anonymous = App.CreateAnonymousClient();
            foreach (var role in Callers)
                Clients[role] = App.CreateClientWithRole(role);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
