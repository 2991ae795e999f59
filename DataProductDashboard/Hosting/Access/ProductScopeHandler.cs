using System.Globalization;
using DataProductDashboard.Data;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Hosting.Access;

/// <summary>Finds the product a request is about from its route ({productId}, or the product of {batchId}, {alertId},
/// {experimentId}, {jobId}) and refuses a restricted caller outside its products. Routes about no single product
/// (lists) pass: they filter what they answer by <see cref="AccessClaims.AllowedProducts"/>.</summary>
public sealed class ProductScopeHandler(IDbContextFactory<DashboardDbContext> dbFactory, JobTracker jobs) : AuthorizationHandler<ProductScopeRequirement>
{
    /// <summary>Where the refusal's reason waits for the 403 answer.</summary>
    public const string FailureItem = "dpd:product_scope_failure";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProductScopeRequirement requirement)
    {
        var allowed = context.User.AllowedProducts();
        if (allowed is null || context.Resource is not HttpContext http)
        {
            context.Succeed(requirement);
            return;
        }
        var product = await ProductOfRouteAsync(http.Request.RouteValues, http.RequestAborted);
        if (product is null or { HasRoute: false } || product.Value.Id is { } id && allowed.Contains(id))
            context.Succeed(requirement);
        else
        {
            var reason = $"The API key '{context.User.Identity?.Name}' may only use data products {string.Join(", ", allowed.Order())}.";
            http.Items[FailureItem] = reason;
            context.Fail(new AuthorizationFailureReason(this, reason));
        }
    }

    /// <summary>HasRoute: the route names a product-owned resource; Id: its product, null when it does not exist.</summary>
    private async Task<(bool HasRoute, int? Id)?> ProductOfRouteAsync(RouteValueDictionary route, CancellationToken ct)
    {
        if (Int(route, "productId") is { } productId)
            return (true, productId);
        if (route.TryGetValue("jobId", out var job) && Guid.TryParse(job?.ToString(), out var jobId))
            return (true, await jobs.ProductOfAsync(jobId, ct));
        var batchId = Int(route, "batchId");
        var alertId = Int(route, "alertId");
        var experimentId = Int(route, "experimentId");
        if (batchId is null && alertId is null && experimentId is null)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = batchId is not null ? db.Batches.Where(x => x.Id == batchId).Select(x => (int?)x.ProductId)
            : alertId is not null ? db.Alerts.Where(x => x.Id == alertId).Select(x => (int?)x.ProductId)
            : db.Experiments.Where(x => x.Id == experimentId).Select(x => (int?)x.ProductId);
        return (true, await owner.SingleOrDefaultAsync(ct));
    }

    private static int? Int(RouteValueDictionary route, string name) =>
        route.TryGetValue(name, out var value) && int.TryParse(value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
