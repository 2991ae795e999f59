using System.Net;
using DataProductDashboard.Configuration;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Hosting;

public sealed class OriginCheckTests : IClassFixture<OriginCheckTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public DashboardAppFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Dashboard:AllowedOrigins:0"] = "https://portal.example:8443",
        });

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }

    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";

    private readonly DashboardAppFactory _factory;

    public OriginCheckTests(Host host) => _factory = host.Factory;

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("https://localhost")]
    [InlineData("null")]
    public async Task Negotiate_ForeignOrigin_Is403(string origin)
    {
        var response = await SendAsync(HttpMethod.Post, Negotiate, origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("HTTP://LocalHost:80")]
    [InlineData("https://portal.example:8443")]
    [InlineData(null)]
    public async Task Negotiate_OwnOrAllowedOrNoOrigin_IsNot403(string? origin)
    {
        var response = await SendAsync(HttpMethod.Post, Negotiate, origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WebSocketUpgrade_ForeignOrigin_Is403()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/_blazor?id=abc");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_PageWithForeignOrigin_IsNotRefused()
    {
        var response = await SendAsync(HttpMethod.Get, "/", "https://evil.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_PageFormFromForeignOriginWithoutAntiforgeryToken_Is400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "delete", ["id"] = "1" }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://dashboard.example", true)]
    [InlineData("http://dashboard.example:8080", true)]
    [InlineData("https://dashboard.example/path", false)]
    [InlineData("ftp://dashboard.example", false)]
    [InlineData("dashboard.example", false)]
    public void Validate_AllowedOrigin_AcceptsOnlyOrigins(string origin, bool valid)
    {
        var options = new OriginOptions { AllowedOrigins = [origin] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options));

        Assert.Equal(valid, !errors.Any());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await _factory.CreateClient().SendAsync(request);
    }
}
