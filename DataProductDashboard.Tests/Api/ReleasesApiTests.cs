using DataProductDashboard.Domain;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

[Trait(Providers.Trait, Providers.Both)]
public sealed class ReleasesApiTests : ApiTestBase
{
    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<int> TrainSecondVersionAsync(HttpClient client, int productId)
    {
        var response = await client.PostAsync($"/api/products/{productId}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(220, seed: 31)), "v2.csv", "text/csv", ("trainer", "Sdca")));
        var job = await WaitForJobAsync(client, response.Headers.Location!.ToString());
        return job.GetProperty("modelVersion").GetInt32();
    }

    [Fact]
    public async Task Promote_RefusedWhileACriticalReleaseGateFails_AllowedOnceWaived()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.CreateKey("pm.alice", DashboardRoles.Admin));
        var productId = await CreateTrainedRegressionProductAsync(client);
        var version = await TrainSecondVersionAsync(client, productId);
        var gate = await client.PostAsync($"/api/products/{productId}/gates",
            JsonText("""{ "scope": "Release", "metricKey": "holdout.mae", "condition": "Lt", "threshold": 0.000001, "severity": "Critical", "name": "Near-perfect MAE" }"""));
        Assert.Equal(HttpStatusCode.Created, gate.StatusCode);

        var refused = await ProblemAsync(await client.PostAsync($"/api/products/{productId}/models/{version}/promote", null), 409);
        Assert.Contains("Near-perfect MAE", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var badWaiver = await ProblemAsync(await client.PostAsync($"/api/products/{productId}/models/{version}/waivers", JsonText("""{ "reason": "", "expiresAt": "not a date" }""")), 400);
        Assert.True(badWaiver.GetProperty("errors").TryGetProperty("expiresAt", out _));

        var expires = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var waiver = await client.PostAsync($"/api/products/{productId}/models/{version}/waivers", JsonText($$"""{ "reason": "Ship for the campaign", "expiresAt": "{{expires}}" }"""));
        Assert.Equal(HttpStatusCode.Created, waiver.StatusCode);

        var promoted = await client.PostAsync($"/api/products/{productId}/models/{version}/promote", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var decision = await promoted.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(decision.GetProperty("canPromote").GetBoolean());
        Assert.Equal("Ship for the campaign", decision.GetProperty("waiver").GetProperty("reason").GetString());

        var models = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/models", Json);
        Assert.Equal("Champion", models.EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == version).GetProperty("status").GetString());
        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/trail", Json);
        Assert.Equal(["Promoted", "Waived", "PromotionRefused", "GateCreated"], trail.EnumerateArray().Take(4).Select(t => t.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Waiver_Recorded_ShowsAsWaivedInModelsGatesEvaluationsAndTheResolvedAlert()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.CreateKey("pm.alice", DashboardRoles.Admin));
        var productId = await CreateTrainedRegressionProductAsync(client);
        var version = await TrainSecondVersionAsync(client, productId);
        await client.PostAsync($"/api/products/{productId}/gates",
            JsonText("""{ "scope": "Release", "metricKey": "holdout.mae", "condition": "Lt", "threshold": 0.000001, "severity": "Critical", "name": "Near-perfect MAE" }"""));
        await ProblemAsync(await client.PostAsync($"/api/products/{productId}/models/{version}/promote", null), 409);
        var expires = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var created = await client.PostAsync($"/api/products/{productId}/models/{version}/waivers", JsonText($$"""{ "reason": "Ship for the campaign", "expiresAt": "{{expires}}" }"""));

        var waiver = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var text = waiver.GetProperty("text").GetString()!;
        var link = $"/products/{productId}/models/{version}#waiver";
        Assert.StartsWith($"Waived until {expires} by ", text, StringComparison.Ordinal);
        Assert.Equal(link, waiver.GetProperty("link").GetString());
        var models = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/models", Json);
        var model = models.EnumerateArray().Single(m => m.GetProperty("number").GetInt32() == version);
        Assert.Equal("Failed", model.GetProperty("releaseStatus").GetString());
        Assert.Equal((text, link), (model.GetProperty("waiver").GetProperty("text").GetString(), model.GetProperty("waiver").GetProperty("link").GetString()));
        var rules = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/gates?scope=Release", Json);
        Assert.Equal(text, rules.EnumerateArray().Single().GetProperty("lastWaiver").GetProperty("text").GetString());
        var evaluations = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/gates/evaluations?scope=Release", Json);
        Assert.Equal(text, evaluations.GetProperty("items").EnumerateArray().Single().GetProperty("waiver").GetProperty("text").GetString());
        var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/alerts?state=all", Json);
        var alert = alerts.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Resolved", alert.GetProperty("state").GetString());
        Assert.Equal(waiver.GetProperty("id").GetInt32(), alert.GetProperty("waiverId").GetInt32());
        Assert.Equal((text, "Ship for the campaign", link), (alert.GetProperty("waiver").GetProperty("text").GetString(),
            alert.GetProperty("waiver").GetProperty("reason").GetString(), alert.GetProperty("waiver").GetProperty("link").GetString()));
    }

    [Fact]
    public async Task Promote_WithoutReleaseGates_IsAllowedAndRollbackRestores()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateTrainedRegressionProductAsync(client);
        var version = await TrainSecondVersionAsync(client, productId);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{productId}/models/{version}/promote", null)).StatusCode);
        var rollback = await client.PostAsync($"/api/products/{productId}/models/rollback", null);

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(1, (await rollback.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("number").GetInt32());
        await ProblemAsync(await client.PostAsync($"/api/products/{productId}/models/99/promote", null), 404);
    }
}
