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
        if (!held && await db.BackgroundLeases.AsNoTracking().Where(l => l.Name == name).Select(l => l.Owner).FirstOrDefaultAsync(ct) is { } holder
            && InstanceIdentity.IsGoneFromThisMachine(holder))
        {
            // The holder was this machine's process that is gone (killed, then restarted as this one): its lease is
            // over now, not when it runs out.
            await db.BackgroundLeases.Where(l => l.Name == name && l.Owner == holder).ExecuteDeleteAsync(ct);
            held = await BackgroundLeases.TryAcquireAsync(db, name, instance.Id, clock.GetUtcNow().UtcDateTime, duration, ct);
        }
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

    private TimeProvider Clock => clock;
    private ILogger Logger => logger;

    /// <summary>How long an instance counts as alive after its last presence beat (<see cref="InstancePresence"/>).</summary>
    public static readonly TimeSpan Presence = TimeSpan.FromSeconds(60);
    private const string PresencePrefix = "instance ";

    /// <summary>Marks this instance alive for <see cref="Presence"/> (renewed by <see cref="InstancePresence"/>).</summary>
    public Task AnnouncePresenceAsync(CancellationToken ct) => TryHoldAsync(PresencePrefix + instance.Id, Presence, ct);

    /// <summary>Marks this instance gone (a clean stop).</summary>
    public Task WithdrawPresenceAsync() => ReleaseAsync(PresencePrefix + instance.Id);

    /// <summary>Whether another instance beat its presence within <see cref="Presence"/> and may still run: one on this
    /// machine whose process is gone (killed, then restarted as this one) does not count.</summary>
    public async Task<bool> OthersAliveAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = PresencePrefix + instance.Id;
        var others = await db.BackgroundLeases.AsNoTracking().Where(l => l.Name.StartsWith(PresencePrefix) && l.Name != mine && l.ExpiresAt > now)
            .Select(l => l.Name).ToListAsync(ct);
        return others.Any(name => !InstanceIdentity.IsGoneFromThisMachine(name[PresencePrefix.Length..]));
    }

    /// <summary>Waits until this instance holds lease <paramref name="name"/> and keeps renewing it (every third of
    /// <paramref name="duration"/>) until the returned handle is disposed, which gives it back: work that must not run on
    /// two instances at once, however long it takes (the start-up's first admin and demo seeding).</summary>
    public async Task<IAsyncDisposable> HoldAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        var waited = false;
        while (!await TryHoldAsync(name, duration, ct))
        {
            if (!waited)
                logger.LogInformation("Waiting for another instance to finish its {Work}", name);
            waited = true;
            await Task.Delay(TimeSpan.FromMilliseconds(500), clock, ct);
        }
        return new Held(this, name, duration);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly SingletonWork _owner;
        private readonly string _name;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(SingletonWork owner, string name, TimeSpan duration)
        {
            (_owner, _name) = (owner, name);
            _renewing = RenewAsync(duration, _stop.Token);
        }

        private async Task RenewAsync(TimeSpan duration, CancellationToken ct)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(duration / 3, _owner.Clock, ct);
                    await _owner.TryHoldAsync(_name, duration, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                _owner.Logger.LogWarning(ex, "Renewing the lease of the {Work} failed", _name);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            await _owner.ReleaseAsync(_name);
        }
    }
}
