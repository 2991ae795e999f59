using DataProductDashboard.Api;
using DataProductDashboard.Components;

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
        app.UseDashboardRateLimits(); // keep after UseAuthentication once sign-in is added: the API policy partitions on the caller
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        var api = app.MapGroup("/api").DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Api)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapProductsApi().MapModelsApi().MapBatchesApi().MapJobsApi().MapMetricsApi().MapLabelsApi()
            .MapGatesApi().MapAlertsApi().MapChannelsApi().MapInsightsApi().MapKpisApi().MapExperimentsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
