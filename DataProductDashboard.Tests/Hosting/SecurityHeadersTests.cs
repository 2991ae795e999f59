using System.Net;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Hosting;

public sealed class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public DashboardAppFactory Factory { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }

    private readonly DashboardAppFactory _factory;

    public SecurityHeadersTests(Host host) => _factory = host.Factory;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/products", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/api/batches/987654", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/Error", HttpStatusCode.OK)]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches(@"script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        foreach (var directive in new[] { "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
                     "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'" })
            Assert.Contains(directive, csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_Page_ImportMapCarriesTheNonceOfTheResponsePolicy()
    {
        var response = await _factory.CreateClient().GetAsync("/");

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<script(?![^>]*\\bsrc=)[^>]*>"));
    }

    [Fact]
    public async Task Get_TwoRequests_UseDifferentNonces()
    {
        var client = _factory.CreateClient();

        var first = Header(await client.GetAsync("/api/products"), "Content-Security-Policy");
        var second = Header(await client.GetAsync("/api/products"), "Content-Security-Policy");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Get_OverHttps_AddsStrictTransportSecurity()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://dashboard.example") });

        var response = await client.GetAsync("/api/products");

        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_OverHttpsOnLocalhost_OmitsStrictTransportSecurity()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/api/products");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from the {(int)response.StatusCode} response.");
}
