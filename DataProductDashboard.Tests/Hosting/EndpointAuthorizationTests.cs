using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Hosting;

/// <summary>Every endpoint of the app declares who may use it; the few that anyone may reach are listed here on purpose.</summary>
public sealed class EndpointAuthorizationTests
{
    /// <summary>Reachable without signing in: the account pages and sign-out, the error page, static assets and the
    /// framework's own: the static-file fallback, Blazor's redirect helper, the list of JS initializers (public) and
    /// circuit disconnect (needs the circuit's secret id).</summary>
    private static readonly string[] AnonymousRoutes = ["/account/login", "/account/access-denied", "/account/logout", "/Error",
        // The API reference page and its scripts: the document they render (/openapi/v1.json) needs sign-in.
        "/api-reference/{documentName?}", "/api-reference/favicon.svg", "/api-reference/scalar.aspnetcore.js", "/api-reference/scalar.js",
        // What load balancers and metric scrapers ask: health states and counters, no data of any product.
        "/health/live", "/health/ready", "/metrics"];

    private static readonly string[] FrameworkRoutes = ["/{**path:file}", "/_framework/opaque-redirect", "/_blazor/initializers", "/_blazor/disconnect"];

    public static IReadOnlyList<RouteEndpoint> Endpoints(DashboardAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    public static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');

    public static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || endpoint.DisplayName?.StartsWith("Static asset", StringComparison.Ordinal) == true;

    [Fact]
    public async Task EveryEndpoint_HasAPolicyOrIsListedAsAnonymous()
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Operations:Prometheus"] = "true" });
        var missing = new List<string>();
        var anonymous = new List<string>();
        foreach (var endpoint in Endpoints(app).Where(e => !IsStaticAsset(e) && !FrameworkRoutes.Contains(Route(e))))
        {
            var route = Route(endpoint);
            var allowsAnonymous = AllowsAnonymous(endpoint);
            if (allowsAnonymous)
                anonymous.Add(route);
            else if (!endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
                missing.Add($"{endpoint.DisplayName} ({route})");
        }
        Assert.True(missing.Count == 0, "Endpoints without authorization metadata:\n" + string.Join("\n", missing));
        Assert.Equal(AnonymousRoutes.Order(), anonymous.Distinct().Order());
    }

    [Fact]
    public async Task BlazorHub_RequiresTheReadPolicy()
    {
        await using var app = new DashboardAppFactory();

        var hub = Endpoints(app).Where(e => Route(e) is "/_blazor" or "/_blazor/negotiate").ToList();

        Assert.Equal(2, hub.Count);
        Assert.All(hub, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == "Read"));
    }

    [Fact]
    public async Task Pages_RequireTheReadPolicyAndTheAdminPageTheAdminPolicy()
    {
        await using var app = new DashboardAppFactory();
        var pages = Endpoints(app).Where(e => e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata")).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages.Where(p => !AllowsAnonymous(p)), page => Assert.Contains(page.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            a => a.Policy is "Read" or "Admin" || a.Policy is null && a.Roles is null));
    }

    /// <summary>[AllowAnonymous] counts only when no authorization metadata follows it (the rule the middleware applies).</summary>
    private static bool AllowsAnonymous(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata.ToList();
        var lastAnonymous = metadata.FindLastIndex(m => m is IAllowAnonymous);
        return lastAnonymous >= 0 && metadata.FindLastIndex(m => m is IAuthorizeData) < lastAnonymous;
    }
}
