using DataProductDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.FollowUps;

/// <summary>Repairs what a crash interrupted: at start, and then every <see cref="Interval"/>, runs every follow-up
/// that is not done (oldest first) and has attempts left. The usual path runs a follow-up right after its commit;
/// this worker only finds the ones a stop or a failure left behind.</summary>
public sealed class FollowUpWorker(IDbContextFactory<DashboardDbContext> dbFactory, FollowUpRunner runner, TimeProvider clock,
    ILogger<FollowUpWorker> logger, Operations.SingletonWork singleton) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private const string LeaseName = "follow-up repair";

    /// <summary>On one instance at a time (the usual path runs each follow-up on the instance that committed its change;
    /// this loop only repairs, and each step is idempotent anyway).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await singleton.TryHoldAsync(LeaseName, (Interval * 2) + TimeSpan.FromSeconds(10), stoppingToken))
                        await RunPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The follow-up repair failed; it runs again in {Interval}", Interval);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await singleton.ReleaseAsync(LeaseName);
        }
    }

    /// <summary>Runs every pending follow-up once; returns how many were done.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct)
    {
        List<int> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var before = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1);
            pending = await db.FollowUps.AsNoTracking()
                .Where(f => f.DoneAt == null && f.Attempts < FollowUpRunner.MaxAttempts && f.CreatedAt < before)
                .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in pending.Where(id => !runner.IsRunning(id)))
        {
            ct.ThrowIfCancellationRequested();
            if (await runner.RunAsync(id))
                done++;
        }
        if (pending.Count > 0)
            logger.LogInformation("Follow-up work: {Done} of {Pending} pending items done", done, pending.Count);
        return done;
    }
}
