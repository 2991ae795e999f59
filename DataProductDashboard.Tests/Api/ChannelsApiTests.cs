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
        _app = new DashboardAppFactory(settings: NotificationTestHost.Settings(smtpPort: 25));
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

        var list = await _client.GetFromJsonAsync<JsonElement>(Channels, Json);
        Assert.Equal("Ops hook", Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());

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

    [Fact]
    public async Task Deliveries_TakeOutOfRange_Returns400()
    {
        var problem = await ProblemAsync(await _client.GetAsync($"{Channels}/deliveries?take=0"), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    private async Task<int> CreateAsync(string name, string kind, string target)
    {
        var response = await _client.PostAsJsonAsync(Channels, new { name, kind, target }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }
}
