using DataProductDashboard.Api;
using DataProductDashboard.Components;
using DataProductDashboard.Hosting.Access;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

namespace DataProductDashboard.Hosting;

/// <summary>The Map* extensions Program.cs composes.</summary>
public static class DashboardEndpointExtensions
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDashboardWebSurface();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        // Pages: an empty error response re-executes the in-app not-found page. API: the inner middleware writes
        // problem details first, and the outer one leaves a response that already has a body alone.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseDashboardAccess();
        app.UseDashboardRateLimits(); // after authentication: the API policy partitions on the caller (key, user, address)
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi().RequireAuthorization(DashboardPolicies.Read);
        // The interactive API reference behind the API button: Scalar, its script served by the app itself (no CDN),
        // its inline start-up script carrying this response's CSP nonce. It shows only what /openapi/v1.json gives
        // the caller (signed in); "Try it" sends the signed-in user's cookie (or an X-Api-Key typed in), so it answers
        // what that user may do.
        app.MapScalarApiReference(ApiReferencePath, (options, context) =>
        {
            options.WithTitle("DataProductDashboard API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            if (context.GetCspNonce() is { } nonce)
                options.WithNonce(nonce);
        }).AllowAnonymous(); // the page and its script are public (Scalar short-circuits them); the document they load needs sign-in
        // Requests with an API key carry no cookie and need no antiforgery token; the cookie is accepted for the API's
        // safe methods only (AccessServiceExtensions), so a cross-site form cannot change anything through it.
        var api = app.MapGroup("/api").DisableAntiforgery().RequireAuthorization(DashboardPolicies.Read).RequireRateLimiting(RateLimitPolicies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapProductsApi().MapModelsApi().MapBatchesApi().MapJobsApi().MapMetricsApi().MapLabelsApi()
            .MapGatesApi().MapFairnessApi().MapCoverageApi().MapSegmentsApi().MapAlertsApi().MapChannelsApi().MapInsightsApi().MapKpisApi().MapExperimentsApi().MapAdminApi();
        app.MapAccountEndpoints();
        app.MapDashboardOperations();
        // Every page says who may open it (Components/Pages/_Imports.razor: the Read policy; the account pages their own).
        // Not RequireAuthorization here: a convention added after the pages' [AllowAnonymous] would override it.
        // The circuit hub needs a signed-in user too (no interactive page is open to anyone else).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Finally(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: "/_blazor" or "/_blazor/negotiate" or "_blazor" or "_blazor/negotiate" })
                    endpoint.Metadata.Add(new AuthorizeAttribute(DashboardPolicies.Read));
            });
        return app;
    }

    /// <summary>Where the interactive API reference is (the API button's target).</summary>
    public const string ApiReferencePath = "/api-reference";

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
