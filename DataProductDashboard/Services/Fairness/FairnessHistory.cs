using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Fairness;

/// <summary>The fairness of a binary model's batches, per segment attribute, as a "fairness" run per batch whose
/// points are gateable and charted over time: "fairness.&lt;metric&gt;" with the attribute as column. A batch's points
/// are measured over a window of the batch and the <see cref="WindowBatches"/> − 1 batches received before it (one
/// batch rarely holds 30 rows of every group; the rolling concept-drift check uses the same window). The parity
/// metrics (selection rates) are taken over every scored row of the window, so they exist before any label arrives;
/// the odds metrics over its labelled rows. Groups below <see cref="FairnessAnalyzer.DefaultMinSupport"/> rows are not
/// judged; a metric fewer than two groups can define has no point. When a batch's labels change, its run and the runs
/// of the batches whose window holds it are replaced.</summary>
public static class FairnessHistory
{
    public const string RunKind = "fairness";
    public const string KeyPrefix = "fairness.";

    /// <summary>The stored key of each metric: "fairness.disparate_impact" for "disparateImpact".</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FairnessMetrics.DemographicParityDifference] = KeyPrefix + "demographic_parity_difference",
        [FairnessMetrics.DemographicParityRatio] = KeyPrefix + "demographic_parity_ratio",
        [FairnessMetrics.DisparateImpact] = KeyPrefix + "disparate_impact",
        [FairnessMetrics.EqualizedOddsDifference] = KeyPrefix + "equalized_odds_difference",
        [FairnessMetrics.EqualOpportunityDifference] = KeyPrefix + "equal_opportunity_difference",
    };

    /// <summary>Metrics that depend on the selection rates only (taken over every scored row).</summary>
    public static bool LabelFree(string metric) =>
        metric is FairnessMetrics.DemographicParityDifference or FairnessMetrics.DemographicParityRatio or FairnessMetrics.DisparateImpact;

    /// <summary>Whether the product's batches are judged for fairness: a binary model with segment attributes.</summary>
    public static bool Applies(TaskType task, ProductSchema schema) =>
        task == TaskType.BinaryClassification && SegmentAttributes.Of(schema).Count > 0;

    /// <summary>Batches per window (the batch and the ones before it).</summary>
    public const int WindowBatches = FairnessMetrics.WindowBatches;

    /// <summary>Rebuilds the group cells of the <paramref name="changed"/> batches and replaces the fairness runs of
    /// every batch whose window holds one of them, inside the caller's transaction.</summary>
    public static async Task ReplaceAsync(DashboardDbContext db, int productId, TaskType task, ProductSchema schema, IReadOnlyCollection<int> changed, CancellationToken ct)
    {
        if (!Applies(task, schema) || changed.Count == 0)
            return;
        await GroupCellStore.RebuildAsync(db, changed, ct);
        var ordered = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        var targets = Audit.PerformanceService.Affected(ordered, changed, WindowBatches);
        if (targets.Count == 0)
            return;
        var position = ordered.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var windows = targets.ToDictionary(id => id, id => ordered.Skip(Math.Max(0, position[id] - WindowBatches + 1)).Take(Math.Min(WindowBatches, position[id] + 1)).ToList());
        var needed = windows.Values.SelectMany(w => w).Distinct().ToList();
        var cells = (await db.GroupCells.AsNoTracking().Where(c => needed.Contains(c.BatchId)).ToListAsync(ct)).ToLookup(c => c.BatchId);
        await db.MetricRuns.Where(r => r.BatchId != null && targets.Contains(r.BatchId.Value) && r.Kind == RunKind).ExecuteDeleteAsync(ct);
        var batches = await db.Batches.Where(b => targets.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        foreach (var id in targets)
        {
            var window = windows[id].SelectMany(b => cells[b]).Select(c => new GroupCellStore.Cell(c.Groups, c.Predicted == 1, c.Label, c.Count)).ToList();
            var points = new List<(string Key, string? Column, string? Segment, double Value)>();
            var result = new Dictionary<string, object>(StringComparer.Ordinal) { ["windowBatches"] = windows[id] };
            foreach (var attribute in SegmentAttributes.Of(schema))
            {
                var values = Measure(window, attribute);
                result[attribute] = values.ToDictionary(v => v.Key, v => double.IsFinite(v.Value) ? v.Value : (double?)null, StringComparer.Ordinal);
                points.AddRange(values.Where(v => double.IsFinite(v.Value)).Select(v => (Keys[v.Key], (string?)attribute, (string?)null, v.Value)));
            }
            await MetricHistory.AddSegmentedRunAsync(db, batches[id], RunKind, result, points, ct);
        }
    }

    /// <summary>A batch's metrics for one attribute: parity over every row, odds over the labelled rows.</summary>
    public static Dictionary<string, double> Measure(IReadOnlyList<GroupCellStore.Cell> cells, string attribute)
    {
        var everyRow = FairnessMetrics.Compute(Judged(GroupCellStore.Groups(cells, attribute, null, everyRow: true)));
        var labelled = FairnessMetrics.Compute(Judged(GroupCellStore.Groups(cells, attribute, null)));
        return FairnessMetrics.Names.ToDictionary(n => n, n => LabelFree(n) ? everyRow[n] : labelled[n], StringComparer.Ordinal);

        static List<GroupConfusion> Judged(List<(string Group, GroupConfusion Counts)> groups) =>
            groups.Where(g => g.Counts.Support >= FairnessAnalyzer.DefaultMinSupport).Select(g => g.Counts).ToList();
    }
}
