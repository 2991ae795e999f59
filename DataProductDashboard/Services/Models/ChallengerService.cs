using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Models;

/// <summary>Marks versions as challengers (scored beside the champion on each new production batch: shadow scoring)
/// and unmarks them; both are recorded in the audit trail. The rules are <see cref="ChallengerRules"/>.</summary>
public sealed class ChallengerService(IDbContextFactory<DashboardDbContext> dbFactory, ModelRegistryService registry, AuditTrail trail,
    ProductEvents events, ILogger<ChallengerService> logger)
{
    /// <summary>Marks version <paramref name="number"/> as a challenger; a version that already is one stays one.</summary>
    public Task<ModelVersionSummary> MarkAsync(int productId, int number, Actor by, CancellationToken ct) => SetAsync(productId, number, on: true, by, ct);

    /// <summary>Stops the shadow scoring of version <paramref name="number"/> (it becomes a candidate again); its shadow
    /// history stays. A version that is no challenger stays as it is.</summary>
    public Task<ModelVersionSummary> UnmarkAsync(int productId, int number, Actor by, CancellationToken ct) => SetAsync(productId, number, on: false, by, ct);

    private async Task<ModelVersionSummary> SetAsync(int productId, int number, bool on, Actor by, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
            var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
                ?? throw NotFoundException.ModelVersion(productId, number);
            var challengers = await db.ModelVersions.CountAsync(v => v.ProductId == productId && v.Status == ModelStatus.Challenger, ct);
            if ((on ? ChallengerRules.MarkProblem(number, version.Status, challengers) : ChallengerRules.UnmarkProblem(number, version.Status)) is { } problem)
                throw new ConflictException(problem);
            var target = on ? ModelStatus.Challenger : ModelStatus.Candidate;
            if (version.Status != target && (on || version.Status == ModelStatus.Challenger))
            {
                var before = version.Status;
                version.Status = target;
                trail.Record(db, productId, by, on ? TrailAction.ChallengerMarked : TrailAction.ChallengerUnmarked, $"version {number}", before.ToString(),
                    on ? "challenger: shadow-scored on each new batch" : "candidate: no longer shadow-scored");
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Version {Number} of product {ProductId} {Change} by {Actor}", number, productId,
                    on ? "marked as challenger" : "no longer a challenger", by.Name);
                events.Publish(productId);
            }
        }
        return await registry.GetAsync(productId, number, ct);
    }
}

/// <summary>Which versions can be challengers, defined once for the service, the API and the registry page.</summary>
public static class ChallengerRules
{
    /// <summary>At most this many challengers per product: each one scores every new batch again.</summary>
    public const int MaxChallengers = 4;

    public static string? MarkProblem(int number, ModelStatus status, int challengers) => status switch
    {
        ModelStatus.Champion => $"Version {number} is the champion; it scores every batch already. Mark another version as challenger.",
        ModelStatus.Retired => $"Version {number} is retired; promote it back before it can be a challenger.",
        ModelStatus.Challenger => null,
        _ when challengers >= MaxChallengers =>
            $"The product already has {challengers} challengers (at most {MaxChallengers}: each scores every new batch again); unmark one first.",
        _ => null,
    };

    public static string? UnmarkProblem(int number, ModelStatus status) =>
        status == ModelStatus.Champion ? $"Version {number} is the champion, not a challenger." : null;
}
