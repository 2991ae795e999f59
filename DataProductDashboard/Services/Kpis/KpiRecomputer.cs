using System.Diagnostics;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using DataProductDashboard.Configuration;

namespace DataProductDashboard.Services.Kpis;

/// <summary>Keeps computed KPIs up to date and turns their state into alerts. A batch's contributions (one row per
/// batch, period and arm: the partial sum and the rows counted) are computed from its predictions and labels, and —
/// only when a feature column or the event time is needed — from its stored file; they replace the batch's previous
/// contributions in one transaction. Runs after a batch is stored (after its gates), after labels arrive, and for
/// every batch when a definition is created or edited. Then each KPI of the product is judged: a sustained off-target
/// run raises (or updates) its Critical alert with the drift classification; a KPI back within its band clears it.</summary>
public sealed class KpiRecomputer(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ContentStore store,
    AlertService alerts,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<KpiRecomputer> logger)
{
    /// <summary>A batch was stored: the product's computed KPIs take its rows, then every KPI is judged.
    /// <paramref name="table"/> is the batch as the import parsed it, so its file is not read again.</summary>
    public async Task BatchStoredAsync(int productId, int batchId, ColumnTable? table, CancellationToken ct)
    {
        await RecomputeBatchesAsync(productId, [batchId], labelBasedOnly: false, table is null ? null : new Dictionary<int, ColumnTable> { [batchId] = table }, ct);
        await EvaluateProductAsync(productId, ct);
    }

    /// <summary>Labels joined these batches: the label-based KPIs take them, then every KPI is judged again (concept
    /// drift and performance gates changed too).</summary>
    public async Task LabelsArrivedAsync(int productId, IReadOnlyCollection<int> batchIds, CancellationToken ct)
    {
        await RecomputeBatchesAsync(productId, batchIds, labelBasedOnly: true, parsed: null, ct);
        await EvaluateProductAsync(productId, ct);
    }

    /// <summary>Recomputes one KPI from every batch of its product (a definition was created or edited), then judges it.</summary>
    public async Task<TimeSpan> RecomputeAsync(int kpiId, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kpi = await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, ct) ?? throw new NotFoundException("KPI", kpiId);
        if (kpi.Source != KpiSource.Uploaded)
        {
            var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == kpi.ProductId, ct);
            var batchIds = await db.Batches.AsNoTracking().Where(b => b.ProductId == kpi.ProductId && b.Status == BatchStatus.Analyzed)
                .OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
            var values = await ContributionsAsync(db, product, [kpi], batchIds, parsed: null, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Only the batches read above: a batch stored meanwhile has already added (and keeps) its own contribution.
            await db.KpiValues.Where(v => v.KpiId == kpiId && v.BatchId != null && batchIds.Contains(v.BatchId.Value)).ExecuteDeleteAsync(ct);
            db.KpiValues.AddRange(values);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("KPI {KpiId} '{Name}' recomputed from {Batches} batches ({Values} values) in {Seconds:F2} s",
                kpiId, kpi.Name, batchIds.Count, values.Count, stopwatch.Elapsed.TotalSeconds);
        }
        await EvaluateAsync(kpiId, ct);
        return stopwatch.Elapsed;
    }

    /// <summary>Judges every KPI of the product and raises or clears their alerts.</summary>
    public async Task EvaluateProductAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Kpis.AsNoTracking().Where(k => k.ProductId == productId).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync(ct);
        await EvaluateAsync(db, productId, ids, ct);
    }

    /// <summary>Judges one KPI and raises or clears its alert.</summary>
    public async Task EvaluateAsync(int kpiId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var productId = await db.Kpis.AsNoTracking().Where(k => k.Id == kpiId).Select(k => (int?)k.ProductId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("KPI", kpiId);
        await EvaluateAsync(db, productId, [kpiId], ct);
    }

    private async Task EvaluateAsync(DashboardDbContext db, int productId, IReadOnlyList<int> kpiIds, CancellationToken ct)
    {
        if (kpiIds.Count == 0)
            return;
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == productId, ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).ToListAsync(ct);
        var observations = await KpiReader.ObservationsAsync(db, kpiIds, ct);
        var notify = new List<Alert>();
        var changed = false;
        foreach (var kpi in kpis)
        {
            var evaluation = await KpiReader.EvaluateAsync(db, product, kpi, observations[kpi.Id], ct, reclassify: true);
            // Stored for the pages (a finding without a finite latest value or gap is classified by each read).
            var storable = evaluation.Finding is { } f && double.IsFinite(f.LatestValue) && double.IsFinite(f.RelativeGap) ? f : null;
            if (kpi.Finding != storable)
            {
                db.Kpis.Attach(kpi).Property(k => k.Finding).CurrentValue = storable;
                changed = true;
            }
            var key = AlertKeys.Kpi(kpi.Id);
            if (evaluation.Finding is { } finding)
            {
                var signal = Signal(kpi, finding);
                var open = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.ProductId == productId && a.Key == key && a.State != AlertState.Resolved, ct);
                var repeat = open is not null && open.Title == signal.Title && open.Message == signal.Message;
                if (repeat)
                    continue;
                var (alert, send) = await alerts.RaiseAsync(db, signal, repeat: false, ct);
                changed = true;
                if (send)
                    notify.Add(alert);
            }
            else
            {
                // No sustained run any more: back in band, or the rule changed (longer run length, wider band).
                var note = evaluation.Status == KpiStatus.OffTarget
                    ? "No sustained run off target under the current rule."
                    : evaluation.Latest is { Value: { } v } latest
                    ? $"Back within the band: {KpiNumbers.WithUnit(v, kpi.Unit)} {KpiPeriods.During(latest.PeriodStart, kpi.Period)}."
                    : "No complete period left to judge.";
                changed |= await alerts.ClearAsync(db, productId, key, note, ct);
            }
        }
        if (!changed)
            return;
        await db.SaveChangesAsync(ct);
        alerts.AfterSave(productId, notify);
    }

    private AlertSignal Signal(Kpi kpi, BusinessDriftFinding finding)
    {
        var target = KpiReader.TargetOf(kpi);
        var title = $"{kpi.Name} off target for {KpiPeriods.Count(finding.Periods, kpi.Period)}: {DriftClassifier.Name(finding.Classification).ToLowerInvariant()}";
        var message = $"{KpiNumbers.WithUnit(finding.LatestValue, kpi.Unit)} {KpiPeriods.During(finding.To, kpi.Period)} against a target of "
            + $"{KpiNumbers.WithUnit(kpi.Target, kpi.Unit)} (off target beyond {KpiNumbers.Format(target.BandEdge)}); "
            + $"{KpiNumbers.Percent(finding.RelativeGap)} on average over the {KpiPeriods.Count(finding.Periods, kpi.Period)} since {KpiPeriods.Label(finding.From, kpi.Period)}. "
            + finding.Reason;
        return new AlertSignal(kpi.ProductId, AlertKind.KpiDrift, AlertKeys.Kpi(kpi.Id), GateSeverity.Critical, title, message,
            KpiReader.Link(kpi.ProductId, kpi.Id), clock.GetUtcNow().UtcDateTime, BatchId: finding.EvidenceBatchId);
    }

    private async Task RecomputeBatchesAsync(int productId, IReadOnlyCollection<int> batchIds, bool labelBasedOnly,
        IReadOnlyDictionary<int, ColumnTable>? parsed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var kpis = (await db.Kpis.AsNoTracking().Where(k => k.ProductId == productId && k.Source != KpiSource.Uploaded).ToListAsync(ct))
            .Where(k => !labelBasedOnly || KpiReader.IsLabelBased(k, product.Schema)).ToList();
        // A batch whose rows the retention setting removed keeps the KPI values it contributed: nothing to recompute from.
        var requested = batchIds.ToList();
        batchIds = await db.Batches.AsNoTracking().Where(b => requested.Contains(b.Id) && b.RowsPurgedAt == null).Select(b => b.Id).ToListAsync(ct);
        if (kpis.Count == 0 || batchIds.Count == 0)
            return;
        var stopwatch = Stopwatch.StartNew();
        var values = await ContributionsAsync(db, product, kpis, batchIds, parsed, ct);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var ids = batchIds.ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.KpiValues.Where(v => kpiIds.Contains(v.KpiId) && v.BatchId != null && ids.Contains(v.BatchId.Value)).ExecuteDeleteAsync(ct);
        db.KpiValues.AddRange(values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("{Kpis} KPIs of product {ProductId} took {Values} values from {Batches} batches in {Milliseconds:F0} ms",
            kpis.Count, productId, values.Count, ids.Count, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The contributions of the batches to the KPIs (not saved). The batch file is read only when a KPI
    /// aggregates a feature column or the product has an event time (rows fall in periods by event time), and only
    /// when <paramref name="parsed"/> does not already hold it.</summary>
    private async Task<List<KpiValue>> ContributionsAsync(DashboardDbContext db, DataProduct product, IReadOnlyList<Kpi> kpis, IReadOnlyCollection<int> batchIds,
        IReadOnlyDictionary<int, ColumnTable>? parsed, CancellationToken ct)
    {
        var schema = product.Schema;
        var zone = Domain.ProductTimeZone.Of(product.TimeZone);
        var ids = batchIds.ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => ids.Contains(b.Id) && b.ProductId == product.Id && b.Status == BatchStatus.Analyzed)
            .OrderBy(b => b.Id).ToListAsync(ct);
        var experimentIds = batches.Where(b => b.ExperimentId != null).Select(b => b.ExperimentId!.Value).Distinct().ToList();
        var challengers = await db.Experiments.AsNoTracking().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.ChallengerVersionId, ct);
        var needsFile = schema.EventTime is not null || kpis.Any(k => k.Source == KpiSource.BatchColumn && IsFeature(k.Column, schema));
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<KpiValue>();
        foreach (var batch in batches)
        {
            // The batch is read in chunks of rows (its file, when needed, chunk by chunk; its predictions by row range),
            // each chunk grouped by period and arm, and the groups merged: memory holds one chunk however long the batch.
            var parts = kpis.Select(_ => new List<KpiObservation>()).ToArray();
            void AddChunk(ColumnTable? table, int firstRow, int count)
            {
                var rows = db.Predictions.AsNoTracking().Where(p => p.BatchId == batch.Id && p.RowIndex >= firstRow && p.RowIndex < firstRow + count)
                    .OrderBy(p => p.RowIndex).Select(p => new { p.Predicted, p.Label, p.Arm }).ToList();
                if (rows.Count != count)
                    throw new RowCountMismatchException();
                var times = RowTimes(table, schema, batch.ReceivedAt, count);
                var arms = rows.Any(r => r.Arm is not null) ? rows.Select(r => r.Arm).ToArray() : null;
                var predicted = rows.Select(r => r.Predicted).ToArray();
                var labels = rows.Select(r => r.Label ?? double.NaN).ToArray();
                for (var k = 0; k < kpis.Count; k++)
                {
                    var kpi = kpis[k];
                    var labelBased = KpiReader.IsLabelBased(kpi, schema);
                    var values = kpi.Source == KpiSource.MisclassificationCost
                        ? KpiContributions.MisclassificationCosts(predicted, labels, kpi.CostFalsePositive ?? 0, kpi.CostFalseNegative ?? 0)
                        : kpi.Column == DriftDetector.PredictionColumn ? predicted
                        : labelBased ? labels
                        : table is not null && table.TryGetNumeric(kpi.Column ?? "", out var column) ? column
                        : null;
                    if (values is null)
                    {
                        if (firstRow == 0)
                            logger.LogWarning("KPI {KpiId}: batch {BatchId} has no numeric column '{Column}'", kpi.Id, batch.Id, kpi.Column);
                        continue;
                    }
                    parts[k].AddRange(KpiContributions.Group(times, values, arms, kpi.Period, labelBased));
                }
            }

            var stored = batch.RowCount;
            try
            {
                if (!needsFile)
                {
                    for (var first = 0; first < stored; first += ChunkRows)
                        AddChunk(null, first, Math.Min(ChunkRows, stored - first));
                }
                else if (parsed?.GetValueOrDefault(batch.Id) is { } table)
                {
                    AddChunk(table, 0, table.RowCount);
                }
                else
                {
                    var path = await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct)
                        ?? throw new FileNotFoundException($"Batch {batch.Id}'s stored file ({batch.FileName}) is gone.");
                    var fileRows = await Task.Run(() => CsvBatchReader.ReadFileChunks(path, batch.FileName,
                        schema, CsvReadMode.Batch, ChunkRows, chunk => AddChunk(chunk.Table, chunk.FirstRow, chunk.RowCount), zone, ct), ct);
                    if (fileRows != stored)
                        throw new RowCountMismatchException();
                }
            }
            catch (RowCountMismatchException)
            {
                logger.LogWarning("Batch {BatchId}: its file and its {Predictions} stored predictions do not have the same rows; its KPI values are skipped",
                    batch.Id, stored);
                continue;
            }
            for (var k = 0; k < kpis.Count; k++)
            {
                var kpi = kpis[k];
                foreach (var o in KpiContributions.Merge(parts[k]))
                {
                    result.Add(new KpiValue
                    {
                        KpiId = kpi.Id, PeriodStart = o.PeriodStart, Value = o.Value, Weight = o.Weight, BatchId = batch.Id, Arm = o.Arm,
                        ModelVersionId = o.Arm == ExperimentArm.Challenger && batch.ExperimentId is { } e && challengers.TryGetValue(e, out var v) ? v : batch.ModelVersionId,
                        RecordedAt = now,
                    });
                }
            }
        }
        return result;
    }

    private int ChunkRows => options.Value.ImportChunkRows;

    /// <summary>A batch whose file and stored predictions disagree on the rows: its KPI values are skipped.</summary>
    private sealed class RowCountMismatchException : Exception;

    /// <summary>Each row's time: its event time when the product has one (a missing one falls back to the batch's
    /// arrival), else the batch's arrival.</summary>
    private static DateTime[] RowTimes(ColumnTable? table, ProductSchema schema, DateTime receivedAt, int rows)
    {
        var times = new DateTime[rows];
        if (table is not null && schema.EventTime is { } eventTime && table.TryGetTimestamps(eventTime.Name, out var events))
        {
            for (var i = 0; i < rows; i++)
                times[i] = events[i] ?? receivedAt;
        }
        else
        {
            Array.Fill(times, receivedAt);
        }
        return times;
    }

    private static bool IsFeature(string? column, ProductSchema schema) =>
        column is not null && column != DriftDetector.PredictionColumn && schema.Find(column) is { } spec && spec.Role != ColumnRole.Label;
}
