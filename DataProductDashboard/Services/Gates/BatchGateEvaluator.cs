using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Gates;

/// <summary>Evaluates a product's enabled batch gates on an audited batch, replaces the batch's stored outcomes, and
/// turns Failed and Warning outcomes into deduplicated alerts; a rule that passes on the newest judged batch clears its
/// alert — a rule on a windowed metric (<see cref="MetricInfo.WindowBatches"/>: concept drift, fairness) only once it
/// passed on every judged batch of its window, so one small passing batch does not clear it. An older batch judged
/// again (labels arriving late) never overrides what a newer batch said.</summary>
public sealed class BatchGateEvaluator(
    IDbContextFactory<DashboardDbContext> dbFactory,
    BatchEvidence evidence,
    AlertService alerts,
    TimeProvider clock,
    Operations.DashboardMetrics metrics,
    ILogger<BatchGateEvaluator> logger)
{
    /// <summary>Evaluates batches in arrival order (e.g. after labels joined several of them).</summary>
    public async Task EvaluateAsync(IEnumerable<int> batchIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = batchIds.Distinct().ToList();
        var order = await db.Batches.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        foreach (var id in order)
            await EvaluateAsync(id, ct);
    }

    public async Task<IReadOnlyList<GateEvaluation>> EvaluateAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException("Batch", batchId);
        var rules = await db.GateRules.AsNoTracking().Where(r => r.ProductId == batch.ProductId && r.Scope == GateScope.Batch && r.Enabled)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var previous = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId == batchId).ToDictionaryAsync(e => e.GateRuleId, e => e.Status, ct);
        if (rules.Count == 0 && previous.Count == 0)
            return [];
        var values = (await evidence.ForBatchesAsync(db, [batch], ct))[batchId];
        var ruleIds = rules.Select(r => r.Id).ToList();
        // Outcomes that judged a newer batch (Skipped and Error judge nothing): a pass of an old batch must not clear an
        // alert a newer failure raised, and a failure of an old batch (labels arriving late) must not re-open one a newer
        // pass cleared.
        var newer = await db.GateEvaluations.AsNoTracking()
            .Where(e => e.BatchId != null && e.BatchId != batchId && ruleIds.Contains(e.GateRuleId) && e.At > batch.ReceivedAt
                && (e.Status == GateStatus.Passed || e.Status == GateStatus.Warning || e.Status == GateStatus.Failed))
            .Select(e => new { e.GateRuleId, e.At, e.Id, e.Status }).ToListAsync(ct);
        var newestJudged = newer.GroupBy(e => e.GateRuleId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).First().Status);

        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = rules.Select(rule => (Rule: rule, Outcome: GateEvaluator.Evaluate(rule.ToSpec(), values))).ToList();
        var stored = outcomes.Select(o => new GateEvaluation
        {
            ProductId = batch.ProductId, GateRuleId = o.Rule.Id, BatchId = batchId, ModelVersionId = batch.ModelVersionId,
            Status = o.Outcome.Status, Actual = o.Outcome.Actual, Compared = o.Outcome.Compared, Description = o.Outcome.Description,
            At = batch.ReceivedAt, EvaluatedAt = now,
        }).ToList();

        var notify = new List<Alert>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.GateEvaluations.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(ct);
        db.GateEvaluations.AddRange(stored);
        foreach (var (rule, outcome) in outcomes)
        {
            var key = AlertKeys.Gate(rule.Id);
            var hasNewer = newestJudged.TryGetValue(rule.Id, out var newest);
            if (outcome.Status is GateStatus.Failed or GateStatus.Warning && !(hasNewer && newest == GateStatus.Passed))
            {
                var repeat = previous.TryGetValue(rule.Id, out var before) && before is GateStatus.Failed or GateStatus.Warning;
                var (alert, send) = await alerts.RaiseAsync(db, new AlertSignal(batch.ProductId, AlertKind.Gate, key,
                    outcome.Status == GateStatus.Failed ? GateSeverity.Critical : GateSeverity.Warning,
                    string.IsNullOrWhiteSpace(rule.Name) ? GateRuleText.Describe(rule.ToSpec()) : rule.Name,
                    $"{outcome.Description} (batch {BatchLabel.Of(batch.Number)}, {batch.FileName}).", EvidenceLink(rule, batchId), batch.ReceivedAt, rule.Id, batchId, rule.Column), repeat, ct);
                if (send)
                    notify.Add(alert);
            }
            else if (outcome.Status == GateStatus.Passed && !hasNewer)
            {
                var window = MetricCatalog.Find(rule.MetricKey)?.WindowBatches ?? 1;
                if (window <= 1)
                {
                    await alerts.ClearAsync(db, batch.ProductId, key, $"Passed on batch {BatchLabel.Of(batch.Number)}: {outcome.Description}.", ct);
                    continue;
                }
                if (!await AlertService.IsUnresolvedAsync(db, batch.ProductId, key, ct))
                    continue;
                var (judged, failing) = await EarlierInWindowAsync(db, rule.Id, batch, window, ct);
                if (failing.Count > 0)
                {
                    logger.LogInformation("Gate {RuleId} passed on batch {BatchId}, but its window of {Window} batches still holds failing batches {Failing}: its alert stays open",
                        rule.Id, batchId, window, failing);
                    continue;
                }
                await alerts.ClearAsync(db, batch.ProductId, key,
                    $"Passed on batch {BatchLabel.Of(batch.Number)} and the {judged} judged batches before it (the rule's window of {window}): {outcome.Description}.", ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.GateOutcomes(GateScope.Batch, stored.Select(e => e.Status));
        logger.LogInformation("Gates of batch {BatchId}: {Failed} failed, {Warnings} warnings, {Passed} passed", batchId,
            stored.Count(s => s.Status == GateStatus.Failed), stored.Count(s => s.Status == GateStatus.Warning), stored.Count(s => s.Status == GateStatus.Passed));
        alerts.AfterSave(batch.ProductId, notify);
        return stored;
    }

    /// <summary>Of the (at most) <paramref name="window"/> − 1 batches the rule judged before <paramref name="batch"/>
    /// (in arrival order; Skipped and Error judge nothing), how many there are and those on which it did not pass.</summary>
    private static async Task<(int Judged, List<int> Failing)> EarlierInWindowAsync(DashboardDbContext db, int ruleId, Batch batch, int window, CancellationToken ct)
    {
        var earlier = await db.GateEvaluations.AsNoTracking()
            .Where(e => e.GateRuleId == ruleId && e.BatchId != null && e.BatchId != batch.Id
                && (e.At < batch.ReceivedAt || (e.At == batch.ReceivedAt && e.BatchId < batch.Id))
                && (e.Status == GateStatus.Passed || e.Status == GateStatus.Warning || e.Status == GateStatus.Failed))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.BatchId).Take(window - 1)
            .Select(e => new { BatchId = e.BatchId!.Value, e.Status }).ToListAsync(ct);
        return (earlier.Count, earlier.Where(e => e.Status != GateStatus.Passed).Select(e => e.BatchId).OrderBy(id => id).ToList());
    }

    /// <summary>Where a failing rule's evidence is: the drift page of its column, the quality page, the behavior page,
    /// or the batch itself.</summary>
    public static string EvidenceLink(GateRule rule, int batchId)
    {
        var column = rule.Column is null ? "" : $"&column={Uri.EscapeDataString(rule.Column)}";
        return rule.MetricKey switch
        {
            var k when k.StartsWith("drift.", StringComparison.Ordinal) => $"/products/{rule.ProductId}/drift?batch={batchId}{column}",
            var k when k.StartsWith("dq.", StringComparison.Ordinal) => $"/products/{rule.ProductId}/quality?batch={batchId}{column}",
            var k when k.StartsWith("perf.", StringComparison.Ordinal) || k.StartsWith("concept.", StringComparison.Ordinal) => $"/products/{rule.ProductId}/behavior?batch={batchId}",
            _ => $"/batches/{batchId}",
        };
    }
}
