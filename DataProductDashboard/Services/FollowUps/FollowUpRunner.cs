using System.Collections.Concurrent;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.FollowUps;

/// <summary>Does the work recorded by <see cref="FollowUpRecorder"/>: the gates of the batches (alerts raised and
/// their notifications stored in the outbox), the missing-batch alert, the experiment's split check, the KPI
/// contributions, then marks it done and clears the batches' pending flag. Each step is idempotent (a rerun after a
/// crash replaces what the first run stored and does not notify twice). Runs at most once at a time per follow-up in
/// this process; not cancellable once started (the change it follows is committed).</summary>
public sealed class FollowUpRunner(
    IDbContextFactory<DashboardDbContext> dbFactory,
    BatchGateEvaluator gates,
    GateService gateRules,
    TimelinessMonitor timeliness,
    ExperimentMonitor experiments,
    KpiRecomputer kpis,
    ProductEvents events,
    TimeProvider clock,
    ILogger<FollowUpRunner> logger)
{
    /// <summary>Attempts before a follow-up is left for a person to look at (its error is kept).</summary>
    public const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<int, bool> _inFlight = new();

    public bool IsRunning(int followUpId) => _inFlight.ContainsKey(followUpId);

    /// <summary>Runs follow-up <paramref name="followUpId"/> unless it is done or running; a failure is logged and
    /// kept on the row (the worker tries again), never thrown.</summary>
    /// <param name="table">The parsed batch when the caller still holds it (saves reading the stored file again).</param>
    /// <returns>True when it is done.</returns>
    public async Task<bool> RunAsync(int followUpId, ColumnTable? table = null)
    {
        if (!_inFlight.TryAdd(followUpId, true))
            return false;
        var ct = CancellationToken.None;
        FollowUp? followUp = null;
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                followUp = await db.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.Id == followUpId, ct);
            if (followUp is null || followUp.DoneAt is not null)
                return followUp is not null;
            var batchIds = FollowUpRecorder.BatchIdsOf(followUp);
            switch (followUp.Kind)
            {
                case FollowUpKind.BatchStored:
                    await gateRules.AdoptDefaultsIfPendingAsync(followUp.ProductId, batchIds[0], ct);
                    await gates.EvaluateAsync(batchIds, ct);
                    await timeliness.BatchArrivedAsync(followUp.ProductId, batchIds[0], ct);
                    if (followUp.ExperimentId is { } experimentId)
                        await experiments.CheckAsync(experimentId, ct);
                    await kpis.BatchStoredAsync(followUp.ProductId, batchIds[0], table, ct);
                    break;
                case FollowUpKind.LabelsJoined:
                    await gates.EvaluateAsync(await LabelledFromAsync(followUp.ProductId, batchIds, ct), ct);
                    await kpis.LabelsArrivedAsync(followUp.ProductId, batchIds, ct);
                    break;
                case FollowUpKind.BatchReaudited:
                    await gates.EvaluateAsync(batchIds, ct);
                    await kpis.EvaluateProductAsync(followUp.ProductId, ct);
                    break;
            }
            await MarkDoneAsync(followUp, ct);
            events.Publish(followUp.ProductId);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Follow-up {FollowUpId} ({Kind}) of product {ProductId} failed; it is tried again", followUpId, followUp?.Kind, followUp?.ProductId);
            await RecordFailureAsync(followUpId, ex);
            return false;
        }
        finally
        {
            _inFlight.TryRemove(followUpId, out _);
        }
    }

    /// <summary>Performance changed for the newly labelled batches and the labelled batches whose rolling window holds
    /// one of them (<see cref="PerformanceService.Affected"/>): their gates are judged again.</summary>
    private async Task<IReadOnlyList<int>> LabelledFromAsync(int productId, IReadOnlyList<int> batchIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (batchIds.Count == 0)
            return [];
        var earliest = await db.Batches.Where(b => batchIds.Contains(b.Id)).MinAsync(b => (DateTime?)b.ReceivedAt, ct);
        if (earliest is null)
            return [];
        var labelled = await db.Batches.Where(b => b.ProductId == productId && b.ReceivedAt >= earliest && b.LabelledRows > 0)
            .OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        return PerformanceService.Affected(labelled, batchIds);
    }

    private async Task MarkDoneAsync(FollowUp followUp, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.FollowUps.Where(f => f.Id == followUp.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DoneAt, now).SetProperty(f => f.Error, (string?)null), ct);
        var stillPending = (await db.FollowUps.AsNoTracking().Where(f => f.ProductId == followUp.ProductId && f.DoneAt == null)
            .Select(f => f.BatchIds).ToListAsync(ct))
            .SelectMany(ids => ids.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToHashSet();
        await db.Batches.Where(b => b.ProductId == followUp.ProductId && b.FollowUpPending && !stillPending.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.FollowUpPending, false), ct);
        await tx.CommitAsync(ct);
    }

    private async Task RecordFailureAsync(int followUpId, Exception ex)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var message = $"{ex.GetType().Name}: {ex.Message}";
            await db.FollowUps.Where(f => f.Id == followUpId).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Attempts, f => f.Attempts + 1).SetProperty(f => f.Error, message), CancellationToken.None);
        }
        catch (Exception inner)
        {
            logger.LogError(inner, "Recording the failure of follow-up {FollowUpId} failed", followUpId);
        }
    }
}
