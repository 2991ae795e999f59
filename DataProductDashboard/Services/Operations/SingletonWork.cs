using DataProductDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Operations;

/// <summary>Background work that must run on one instance at a time across every instance on the database: the holder
/// of a named lease (<see cref="BackgroundLeases"/>) runs it and renews the lease at each run; another instance takes
/// over once the lease ran out (the holder died) or was given back (it stopped).</summary>
public sealed class SingletonWork(IDbContextFactory<DashboardDbContext> dbFactory, InstanceIdentity instance, TimeProvider clock, ILogger<SingletonWork> logger)
{
    /// <summary>True when this instance holds (took or renewed) lease <paramref name="name"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await BackgroundLeases.TryAcquireAsync(db, name, instance.Id, clock.GetUtcNow().UtcDateTime, duration, ct);
        if (!held)
            logger.LogDebug("The {Work} runs on another instance; skipped here", name);
        return held;
    }

    /// <summary>Gives lease <paramref name="name"/> back if this instance holds it (a failure is logged: the lease then
    /// runs out by itself).</summary>
    public async Task ReleaseAsync(string name)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await BackgroundLeases.ReleaseAsync(db, name, instance.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Giving back the lease of the {Work} failed; it runs out by itself", name);
        }
    }
}
