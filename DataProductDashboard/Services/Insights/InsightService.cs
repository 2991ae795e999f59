using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Kpis;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Insights;

/// <summary>Gathers the stored results of a product (newest audited batch, its gates, the champion's labelled
/// performance, KPIs, A/B tests, a missing batch) into <see cref="ProductFacts"/> and lets
/// <see cref="InsightGenerator"/> write the sentences. Read-only.</summary>
public sealed class InsightService(IDbContextFactory<DashboardDbContext> dbFactory, KpiService kpiService, ExperimentService experiments, TimeProvider clock)
{
    public Task<ProductInsights> GetAsync(int productId, CancellationToken ct) => GetAsync(productId, kpis: null, ct);

    /// <summary>The product's insights from KPIs the caller has already judged (<see cref="KpiService.ListOverviewAsync"/>),
    /// or judged here when <paramref name="kpis"/> is null.</summary>
    public async Task<ProductInsights> GetAsync(int productId, IReadOnlyList<KpiOverview>? kpis, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
            ?? throw new NotFoundException("Data product", productId);
        return await ForAsync(db, product, kpis, ct);
    }

    /// <summary>The portfolio digest: every product's insights, products in name order.</summary>
    public async Task<IReadOnlyList<ProductInsights>> DigestAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var digest = new List<ProductInsights>(products.Count);
        foreach (var product in products)
            digest.Add(await ForAsync(db, product, kpis: null, ct));
        return digest;
    }

    private async Task<ProductInsights> ForAsync(DashboardDbContext db, DataProduct product, IReadOnlyList<KpiOverview>? kpis, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = new ProductFacts(product.Id, product.Name, now, await LatestBatchAsync(db, product, ct), await ModelAsync(db, product, ct),
            Facts(kpis ?? await kpiService.ListOverviewAsync(product.Id, ct)), await ExperimentsAsync(product, ct), await MissingBatchAsync(db, product, ct),
            ProductTimeZone.Of(product.TimeZone));
        return new ProductInsights(product.Id, product.Name, now, InsightGenerator.For(facts));
    }

    private static async Task<BatchFacts?> LatestBatchAsync(DashboardDbContext db, DataProduct product, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id && b.Status == BatchStatus.Analyzed)
            .OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        if (batch is null)
            return null;
        string[] keys = [AuditPoints.ColumnDrift, AuditPoints.DatasetDrift, AuditPoints.PredictionDrift];
        var points = await db.MetricPoints.AsNoTracking().Where(p => p.BatchId == batch.Id && keys.Contains(p.MetricKey) && p.Segment == null && !p.Shadow)
            .Select(p => new { p.MetricKey, p.Column, p.Value }).ToListAsync(ct);
        // Seasonal features (calendar cycles) are shown apart on the drift page, not counted as data drift.
        var seasonal = product.Schema.SeasonalFeatureNames();
        var columns = points.Where(p => p.MetricKey == AuditPoints.ColumnDrift && p.Column != null && !seasonal.Contains(p.Column)).ToList();
        var order = product.Schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var drifted = columns.Where(p => p.Value >= 1).Select(p => p.Column!).OrderBy(c => order.GetValueOrDefault(c, int.MaxValue)).ToList();
        var dataset = points.FirstOrDefault(p => p.MetricKey == AuditPoints.DatasetDrift)?.Value >= 1;
        var prediction = points.FirstOrDefault(p => p.MetricKey == AuditPoints.PredictionDrift) is { } pd ? pd.Value >= 1 : (bool?)null;

        var outcomes = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId == batch.Id).Include(e => e.GateRule)
            .OrderBy(e => e.GateRuleId).ToListAsync(ct);
        var judged = outcomes.Where(e => e.Status != GateStatus.Skipped).ToList();
        return new BatchFacts(batch.Id, batch.ReceivedAt, batch.EventTimeFrom, batch.EventTimeTo, batch.RowCount, drifted.Count, columns.Count, dataset,
            drifted, prediction, judged.Count,
            judged.Where(e => e.Status is GateStatus.Failed or GateStatus.Error).Select(e => GateService.NameOf(e.GateRule!)).ToList(),
            judged.Where(e => e.Status == GateStatus.Warning).Select(e => GateService.NameOf(e.GateRule!)).ToList()) { BatchNumber = batch.Number };
    }

    private static async Task<ModelFacts?> ModelAsync(DashboardDbContext db, DataProduct product, CancellationToken ct)
    {
        if (product.ChampionVersionId is not { } championId)
            return null;
        var champion = await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == championId, ct);
        var (metric, name, lowerIsBetter) = product.Task == TaskType.Regression ? ("mae", "MAE", true) : ("accuracy", "accuracy", false);
        var holdout = champion.HoldoutMetrics.TryGetValue(metric, out var h) ? h : (double?)null;
        var run = await db.MetricRuns.AsNoTracking()
            .Where(r => r.ProductId == product.Id && r.Kind == PerformanceService.RunKind && r.ModelVersionId == championId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => new { r.Id, r.BatchId, BatchNumber = db.Batches.Where(b => b.Id == r.BatchId).Select(b => (int?)b.Number).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (run is null)
            return new ModelFacts(champion.Number, name, lowerIsBetter, null, holdout, null, null);
        string[] keys = [PerformancePoints.WindowValue, PerformancePoints.WindowDegraded, PerformancePoints.ConceptValue, PerformancePoints.ConceptDegraded];
        var points = await db.MetricPoints.AsNoTracking().Where(p => p.MetricRunId == run.Id && keys.Contains(p.MetricKey))
            .ToDictionaryAsync(p => p.MetricKey, p => p.Value, ct);
        var windowed = points.ContainsKey(PerformancePoints.WindowValue);
        var value = points.TryGetValue(windowed ? PerformancePoints.WindowValue : PerformancePoints.ConceptValue, out var v) ? v : (double?)null;
        var degraded = points.TryGetValue(windowed ? PerformancePoints.WindowDegraded : PerformancePoints.ConceptDegraded, out var d) ? d >= 1 : (bool?)null;
        return new ModelFacts(champion.Number, name, lowerIsBetter, value, holdout, degraded, run.BatchId) { EvidenceBatchNumber = run.BatchNumber };
    }

    private static async Task<MissingBatchFacts?> MissingBatchAsync(DashboardDbContext db, DataProduct product, CancellationToken ct)
    {
        if (product.ExpectedCadenceHours is not { } cadence)
            return null;
        var open = await db.Alerts.AsNoTracking().AnyAsync(a => a.ProductId == product.Id && a.Kind == AlertKind.MissingBatch && a.State != AlertState.Resolved, ct);
        if (!open)
            return null;
        var last = await db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id).MaxAsync(b => (DateTime?)b.ReceivedAt, ct);
        return last is { } at ? new MissingBatchFacts(at, cadence, $"/alerts?product={product.Id}") : null;
    }

    private static IReadOnlyList<KpiFacts> Facts(IReadOnlyList<KpiOverview> kpis) =>
        kpis.Select(k => new KpiFacts(k.Id, k.Name, k.Unit, k.Direction, k.Target, k.Tolerance,
            k.Period, k.Status, k.LatestPeriod, k.LatestValue, k.RelativeGap, k.Drift, k.Link)).ToList();

    /// <summary>Running tests first, then the latest decided ones (at most <see cref="DecidedTestsShown"/>).</summary>
    private async Task<IReadOnlyList<ExperimentFacts>> ExperimentsAsync(DataProduct product, CancellationToken ct)
    {
        var tests = await experiments.ListAsync(product.Id, ct);
        if (tests.Count == 0)
            return [];
        var lowerIsBetter = (await experiments.GetMetricsAsync(product.Id, ct))
            .ToDictionary(m => m.Key, m => NoBetterDirection.Contains(m.Key) ? (bool?)null : m.LowerIsBetter);
        var shown = tests.Where(t => t.Status == ExperimentStatus.Running)
            .Concat(tests.Where(t => t.Status != ExperimentStatus.Running).OrderByDescending(t => t.DecidedAt ?? t.StoppedAt).Take(DecidedTestsShown));
        return shown.Select(t => new ExperimentFacts(t.Id, t.Name, t.ChampionVersion, t.ChallengerVersion, t.Status == ExperimentStatus.Running,
            t.Decision, t.DecidedBy, t.PrimaryMetricName, lowerIsBetter.GetValueOrDefault(t.PrimaryMetric, null),
            t.Primary?.Champion, t.Primary?.Challenger, t.Primary?.RelativeDifference, Finite(t.Primary?.PValue),
            t.Alpha, t.Progress, t.SampleRatio?.Mismatch == true, t.Link)).ToList();
    }

    private const int DecidedTestsShown = 3;

    /// <summary>Metrics where neither higher nor lower is better: the insight says "higher/lower than".</summary>
    private static readonly HashSet<string> NoBetterDirection =
        [Analysis.Experiments.ExperimentMetrics.PositiveShare, Analysis.Experiments.ExperimentMetrics.PredictionMean, Analysis.Experiments.ExperimentMetrics.MeanError];

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
