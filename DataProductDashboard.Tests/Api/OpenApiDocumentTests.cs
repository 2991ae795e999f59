using System.Text.Json;
using System.Text.Json.Nodes;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace DataProductDashboard.Tests.Api;

/// <summary>The OpenAPI document a client is generated from: complete (an id, a summary, responses and problems on
/// every operation, the body of every POST/PUT that takes one), valid, and equal to the committed copy that the test
/// project's NSwag client is generated from at build time.</summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Served served) : IClassFixture<OpenApiDocumentTests.Served>
{
    /// <summary>The document the app serves, read once for the class.</summary>
    public sealed class Served : IAsyncLifetime
    {
        public JsonObject Document { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await using var app = new DashboardAppFactory();
            using var client = app.CreateClientWithRole("Viewer");
            Document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
            // The servers entry is the address the request came to: not part of the API.
            Document.Remove("servers");
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>Where the committed document is (the test project's build generates its client from it).</summary>
    private static readonly string Snapshot = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Api", "OpenApi", "openapi.v1.json");

    /// <summary>POST operations that take no body: an action on the resource in the path.</summary>
    private static readonly HashSet<string> Bodiless = new(StringComparer.Ordinal)
    {
        "ArchiveProduct", "RestoreProduct", "PromoteModelVersion", "MarkChallenger", "EvaluateRelease", "RollbackModel", "ReauditBatch",
        "AcknowledgeAlert", "RotateChannelSecret", "TestChannel",
    };

    private JsonObject LiveDocument() => (JsonObject)served.Document.DeepClone();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => (path.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public async Task Document_EqualsTheCommittedCopy_SoTheGeneratedClientIsCurrent()
    {
        var live = LiveDocument();

        if (Environment.GetEnvironmentVariable("DPD_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Snapshot, live.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Snapshot));
        Assert.True(JsonNode.DeepEquals(live, committed),
            "The API changed: refresh DataProductDashboard.Tests/Api/OpenApi/openapi.v1.json with `DPD_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests`, then rebuild (the client is generated from it).");
    }

    [Fact]
    public async Task Document_EveryOperation_HasAnIdASummaryAResultAndItsProblems()
    {
        var operations = Operations(LiveDocument()).ToList();

        Assert.True(operations.Count >= 90, $"{operations.Count} operations");
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["operationId"]?.GetValue<string>()), $"{o.Method} {o.Path} has no operationId"));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary"));
        foreach (var (path, method, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('2') && (r.Key == "204" || r.Value!["content"] is not null)), $"{method} {path} documents no result");
            foreach (var status in new[] { "400", "401", "403", "404", "429", "500" })
                Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"{method} {path} documents no {status} problem");
        }
    }

    [Fact]
    public async Task Document_EveryPostAndPutThatTakesABody_DescribesIt()
    {
        var operations = Operations(LiveDocument()).Where(o => o.Method is "post" or "put").ToList();

        foreach (var (path, method, operation) in operations)
        {
            var id = operation["operationId"]!.GetValue<string>();
            if (Bodiless.Contains(id))
                Assert.True(operation["requestBody"] is null, $"{id} is listed as taking no body but documents one");
            else
                Assert.True(operation["requestBody"]?["content"]?.AsObject().Count > 0, $"{method} {path} ({id}) documents no request body");
        }
        var upload = operations.Single(o => o.Operation["operationId"]!.GetValue<string>() == "UploadBatch").Operation["requestBody"]!["content"]!;
        Assert.Equal("binary", upload["multipart/form-data"]!["schema"]!["properties"]!["file"]!["format"]!.GetValue<string>());
        Assert.NotNull(upload["text/csv"]);
    }

    [Fact]
    public async Task Document_ReadByOpenApiNet_HasNoErrorsOrRuleViolations()
    {
        var json = (LiveDocument()).ToJsonString();

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }
}
