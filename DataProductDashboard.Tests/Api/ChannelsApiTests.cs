using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

public sealed class ChannelsApiTests : ApiTestBase, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private DashboardAppFactory _app = null!;
    private HttpClient _client = null!;
    private int _productId;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        // A generous webhook timeout: under a loaded CI machine 2 s could cut a scripted answer off (seen once as a
        // delivery without a status code); no test here is about timeouts.
        _app = new DashboardAppFactory(settings: NotificationTestHost.Settings(smtpPort: 25, webhookTimeoutSeconds: 15));
        _client = _app.CreateClient();
        _productId = await CreateProductAsync(_client, "Rentals", TaskType.Regression, TestSchemas.Regression);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private string Channels => $"/api/products/{_productId}/channels";

    [Fact]
    public async Task Crud_WebhookChannel_CreatesListsUpdatesAndDeletes()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, Channels)
        {
            Content = JsonContent.Create(new { name = "Ops hook", kind = "Webhook", target = "https://hooks.example.test/ops", minimumSeverity = "Critical" }, options: Json),
        };
        post.Headers.Authorization = new("Bearer", _app.CreateKey("ann", DashboardRoles.ProductManager));
        var created = await _client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channel = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = channel.GetProperty("id").GetInt32();
        Assert.Equal($"/api/products/{_productId}/channels/{id}", created.Headers.Location!.ToString());
        Assert.Equal(("Webhook", "Critical", true), (channel.GetProperty("kind").GetString(), channel.GetProperty("minimumSeverity").GetString(), channel.GetProperty("enabled").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("lastDelivery").ValueKind);
        Assert.StartsWith("whsec_", channel.GetProperty("secret").GetString());

        var list = await _client.GetFromJsonAsync<JsonElement>(Channels, Json);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal("Ops hook", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.False((await _client.GetFromJsonAsync<JsonElement>($"{Channels}/{id}", Json)).TryGetProperty("secret", out _));

        var put = await _client.PutAsJsonAsync($"{Channels}/{id}", new { name = "Owners", kind = "Email", target = "owner@example.test; pm@example.test", enabled = false }, Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(("Email", "owner@example.test, pm@example.test", false),
            (updated.GetProperty("kind").GetString(), updated.GetProperty("target").GetString(), updated.GetProperty("enabled").GetBoolean()));

        var deleted = await _client.DeleteAsync($"{Channels}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(await _client.GetAsync($"{Channels}/{id}"), 404);
        var trail = await _app.Services.GetRequiredService<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None);
        Assert.Equal([TrailAction.ChannelDeleted, TrailAction.ChannelUpdated, TrailAction.ChannelCreated], trail.Select(e => e.Action));
        Assert.Equal(["key:tests-admin", "key:tests-admin", "key:ann"], trail.Select(e => e.Actor));
    }

    [Theory]
    [InlineData("{\"kind\":\"Webhook\",\"target\":\"https://hooks.example.test\"}", "name")]
    [InlineData("{\"name\":\"Hook\",\"kind\":\"Webhook\",\"target\":\"not a url\"}", "target")]
    [InlineData("{\"name\":\"Hook\",\"kind\":\"Webhook\",\"target\":\"mailto:ops@example.test\"}", "target")]
    [InlineData("{\"name\":\"Mail\",\"kind\":\"Email\",\"target\":\"ops@example.test, nobody\"}", "target")]
    [InlineData("{\"name\":\"Hook\",\"target\":\"https://hooks.example.test\"}", "kind")]
    public async Task Post_InvalidChannel_Returns400WithTheErrorKeyedByField(string body, string field)
    {
        var response = await _client.PostAsync(Channels, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(field)[0].GetString()));
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>(Channels, Json)).EnumerateArray());
    }

    [Fact]
    public async Task Put_BadAddress_Returns400AndKeepsTheChannel()
    {
        var id = await CreateAsync("Owners", "Email", "owner@example.test");

        var response = await _client.PutAsJsonAsync($"{Channels}/{id}", new { name = "Owners", kind = "Email", target = "owner@" }, Json);

        var problem = await ProblemAsync(response, 400);
        Assert.Equal("'owner@' is not an e-mail address.", problem.GetProperty("errors").GetProperty("target")[0].GetString());
        var kept = await _client.GetFromJsonAsync<JsonElement>($"{Channels}/{id}", Json);
        Assert.Equal("owner@example.test", kept.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Requests_UnknownProductOrChannel_Return404()
    {
        var body = new { name = "Hook", kind = "Webhook", target = "https://hooks.example.test" };
        await ProblemAsync(await _client.GetAsync("/api/products/999/channels"), 404);
        await ProblemAsync(await _client.PostAsJsonAsync("/api/products/999/channels", body, Json), 404);
        await ProblemAsync(await _client.PutAsJsonAsync($"{Channels}/999", body, Json), 404);
        await ProblemAsync(await _client.DeleteAsync($"{Channels}/999"), 404);
        await ProblemAsync(await _client.PostAsync($"{Channels}/999/test", null), 404);
        await ProblemAsync(await _client.GetAsync($"{Channels}/deliveries?channelId=999"), 404);
        await ProblemAsync(await _client.GetAsync("/api/products/999/channels/deliveries"), 404);
    }

    [Fact]
    public async Task Test_WebhookChannel_DeliversNowAndTheDeliveryIsLogged()
    {
        var id = await CreateAsync("Ops hook", "Webhook", _receiver.Url("/ops"));

        var response = await _client.PostAsync($"{Channels}/{id}/test", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(delivery.GetProperty("succeeded").GetBoolean());
        Assert.True(delivery.GetProperty("isTest").GetBoolean());
        Assert.Equal(200, delivery.GetProperty("statusCode").GetInt32());
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("test", received.Event);
        Assert.Equal("Rentals", received.Json.GetProperty("productName").GetString());
        var log = await _client.GetFromJsonAsync<JsonElement>($"{Channels}/deliveries?channelId={id}&take=10", Json);
        var logged = Assert.Single(log.EnumerateArray());
        Assert.Equal(delivery.GetProperty("id").GetInt64(), logged.GetProperty("id").GetInt64());
        Assert.Equal("Ops hook", logged.GetProperty("channelName").GetString());
        var listed = Assert.Single((await _client.GetFromJsonAsync<JsonElement>(Channels, Json)).EnumerateArray());
        Assert.True(listed.GetProperty("lastDelivery").GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Test_FailingEndpoint_Returns200WithTheFailure()
    {
        var id = await CreateAsync("Gone", "Webhook", _receiver.Script("/gone", 410));

        var delivery = await (await _client.PostAsync($"{Channels}/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.False(delivery.GetProperty("succeeded").GetBoolean());
        Assert.Equal(410, delivery.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("HTTP 410 Gone", delivery.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "http://127.0.0.1:9/ resolves to 127.0.0.1, a loopback address")]
    [InlineData("http://[::1]/", "http://[::1]/ resolves to ::1, a loopback address")]
    [InlineData("http://2130706433/", "http://2130706433/ resolves to 127.0.0.1, a loopback address")]
    [InlineData("http://localhost/", "http://localhost/ names localhost, a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]/", "http://[::ffff:127.0.0.1]/ resolves to ::ffff:127.0.0.1, a loopback address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/ resolves to 169.254.169.254, a link-local address")]
    public async Task Post_WebhookOnTheHostWithoutAllowList_Returns400NamingTheUrlAndTheReason(string url, string reason)
    {
        await using var app = new DashboardAppFactory();
        var (client, productId) = await ShippedConfigurationAsync(app);

        var response = await client.PostAsJsonAsync($"/api/products/{productId}/channels", new { name = "Internal", kind = "Webhook", target = url }, Json);

        var problem = await ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["target"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal($"{reason}; webhooks may not target the host or its private network (allow it in Notifications:AllowedWebhookHosts)",
            errors.GetProperty("target")[0].GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/channels", Json)).EnumerateArray());
    }

    [Fact]
    public async Task Put_WebhookOnTheHostWithoutAllowList_Returns400AndKeepsTheChannel()
    {
        await using var app = new DashboardAppFactory();
        var (client, productId) = await ShippedConfigurationAsync(app);
        var created = await client.PostAsJsonAsync($"/api/products/{productId}/channels", new { name = "Hook", kind = "Webhook", target = "https://93.184.216.34/hook" }, Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();

        var response = await client.PutAsJsonAsync($"/api/products/{productId}/channels/{id}", new { name = "Hook", kind = "Webhook", target = "http://10.0.0.1/" }, Json);

        var problem = await ProblemAsync(response, 400);
        Assert.StartsWith("http://10.0.0.1/ resolves to 10.0.0.1, a private-network address;", problem.GetProperty("errors").GetProperty("target")[0].GetString());
        Assert.Equal("https://93.184.216.34/hook", (await client.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/channels/{id}", Json)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Post_LoopbackInTheAllowList_IsAccepted()
    {
        var id = await CreateAsync("Local", "Webhook", "http://127.0.0.1:9/");

        var channel = await _client.GetFromJsonAsync<JsonElement>($"{Channels}/{id}", Json);

        Assert.Equal("http://127.0.0.1:9/", channel.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Test_SignedDelivery_VerifiesWithTheSecretFromTheCreateAnswer()
    {
        var (id, secret) = await CreateSignedAsync("/signed");

        await _client.PostAsync($"{Channels}/{id}/test", null);

        Assert.Single(_receiver.ReceivedAt("/signed")).Verify(secret);
    }

    [Fact]
    public async Task RotateSecret_Webhook_AnswersTheNewSecretOnce()
    {
        var (id, first) = await CreateSignedAsync("/rotated");

        var rotated = await _client.PostAsync($"{Channels}/{id}/rotate-secret", null);
        await _client.PostAsync($"{Channels}/{id}/test", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("secret").GetString()!;
        Assert.NotEqual(first, secret);
        Assert.Single(_receiver.ReceivedAt("/rotated")).Verify(secret);
        var email = await CreateAsync("Mail", "Email", "ops@example.test");
        Assert.True((await ProblemAsync(await _client.PostAsync($"{Channels}/{email}/rotate-secret", null), 400)).GetProperty("errors").TryGetProperty("kind", out _));
        await ProblemAsync(await _client.PostAsync($"{Channels}/999/rotate-secret", null), 404);
    }

    [Fact]
    public async Task Channels_UrlWithCredentials_AreMaskedInEveryAnswer()
    {
        var url = _receiver.Url("/cred").Replace("http://", "http://robot:s3cr3t@", StringComparison.Ordinal);
        var id = await CreateAsync("Cred", "Webhook", url);
        await _client.PostAsync($"{Channels}/{id}/test", null);

        var texts = new[]
        {
            await _client.GetStringAsync(Channels), await _client.GetStringAsync($"{Channels}/{id}"), await _client.GetStringAsync($"{Channels}/deliveries"),
        };

        Assert.All(texts, t => Assert.DoesNotContain("s3cr3t", t));
        Assert.Contains("http://***@127.0.0.1:", texts[1]);
        var trail = await _app.Services.GetRequiredService<AuditTrail>().ListAsync(_productId, 10, CancellationToken.None);
        Assert.DoesNotContain("s3cr3t", Assert.Single(trail).After);
    }

    [Fact]
    public async Task Deliveries_FailedTest_StoreTheStatusButNotTheResponseBody()
    {
        var id = await CreateAsync("Broken", "Webhook", _receiver.Script("/broken", 500));
        await _client.PostAsync($"{Channels}/{id}/test", null);

        var logged = Assert.Single((await _client.GetFromJsonAsync<JsonElement>($"{Channels}/deliveries?channelId={id}", Json)).EnumerateArray());

        Assert.Equal(500, logged.GetProperty("statusCode").GetInt32());
        Assert.Equal("HTTP 500 Internal Server Error", logged.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Deliveries_TakeOutOfRange_Returns400()
    {
        var problem = await ProblemAsync(await _client.GetAsync($"{Channels}/deliveries?take=0"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    /// <summary>A client of <paramref name="app"/> (the shipped configuration: AllowedWebhookHosts empty) and a product in it.</summary>
    private static async Task<(HttpClient Client, int ProductId)> ShippedConfigurationAsync(DashboardAppFactory app)
    {
        var client = app.CreateClient();
        return (client, await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression));
    }

    /// <summary>A webhook channel to the receiver's <paramref name="path"/> and the secret its create answer hands out.</summary>
    private async Task<(int Id, string Secret)> CreateSignedAsync(string path)
    {
        var response = await _client.PostAsJsonAsync(Channels, new { name = "Signed", kind = "Webhook", target = _receiver.Url(path) }, Json);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (created.GetProperty("id").GetInt32(), created.GetProperty("secret").GetString()!);
    }

    private async Task<int> CreateAsync(string name, string kind, string target)
    {
        var response = await _client.PostAsJsonAsync(Channels, new { name, kind, target }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }
}
