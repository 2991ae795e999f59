using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Kpis;

/// <summary>KPIs of a product: definitions edited by product managers (every edit in the audit trail), values uploaded
/// as CSV or JSON (one transaction; nothing stored on any error; a period uploaded again is replaced), and the reads
/// the KPI page, the portfolio and the insights need — overview, values per period, audit markers and the
/// business-drift finding. Computed KPIs are recomputed by <see cref="KpiRecomputer"/> when their definition changes.</summary>
public sealed class KpiService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    KpiRecomputer recomputer,
    AuditTrail trail,
    AlertService alerts,
    ProductEvents events,
    TimeProvider clock,
    ILogger<KpiService> logger)
{
    /// <summary>All KPIs of a product, ordered by name: status, latest complete period and the open finding.</summary>
    public async Task<IReadOnlyList<KpiOverview>> ListOverviewAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.ProductId == productId).ToListAsync(ct);
        var observations = await KpiReader.ObservationsAsync(db, kpis.Select(k => k.Id).ToList(), ct);
        var result = new List<KpiOverview>(kpis.Count);
        foreach (var kpi in kpis.OrderBy(k => k.Name, StringComparer.OrdinalIgnoreCase).ThenBy(k => k.Id))
            result.Add(KpiReader.Overview(kpi, await KpiReader.EvaluateAsync(db, product, kpi, observations[kpi.Id], ct)));
        return result;
    }

    /// <summary>One KPI with its values per period and the audit markers of its product.</summary>
    public async Task<KpiDetail> GetAsync(int productId, int kpiId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var kpi = await RequireKpiAsync(db, productId, kpiId, ct);
        var observations = (await KpiReader.ObservationsAsync(db, [kpiId], ct))[kpiId];
        var evaluation = await KpiReader.EvaluateAsync(db, product, kpi, observations, ct);
        return new KpiDetail(KpiReader.Definition(kpi), KpiReader.Overview(kpi, evaluation), KpiReader.Points(kpi, observations, evaluation.Series),
            await KpiMarkers.LoadAsync(db, productId, ct), evaluation.Run.Length);
    }

    /// <summary>The values per period (overall, then per arm), oldest first.</summary>
    public async Task<IReadOnlyList<KpiPoint>> ListValuesAsync(int productId, int kpiId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireProductAsync(db, productId, ct);
        var kpi = await RequireKpiAsync(db, productId, kpiId, ct);
        var observations = (await KpiReader.ObservationsAsync(db, [kpiId], ct))[kpiId];
        return KpiReader.Points(kpi, observations, KpiReader.Judge(kpi, observations).Series);
    }

    public async Task<KpiDefinition> GetDefinitionAsync(int productId, int kpiId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireProductAsync(db, productId, ct);
        return KpiReader.Definition(await RequireKpiAsync(db, productId, kpiId, ct));
    }

    public async Task<KpiDetail> CreateAsync(int productId, KpiInput input, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var names = await db.Kpis.AsNoTracking().Where(k => k.ProductId == productId).Select(k => k.Name).ToListAsync(ct);
        Validate(input, product, names);
        var now = clock.GetUtcNow().UtcDateTime;
        var kpi = new Kpi { ProductId = productId, Name = input.Name.Trim(), CreatedAt = now };
        Apply(kpi, input, actor, now);
        db.Kpis.Add(kpi);
        // The trail entry names the KPI's id, known after the first save: both saves commit together or not at all.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            trail.Record(db, productId, actor, TrailAction.KpiCreated, Subject(kpi), after: Snapshot(kpi));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        logger.LogInformation("KPI {KpiId} '{Name}' of product {ProductId} created by {Actor}", kpi.Id, kpi.Name, productId, actor.Name);
        await RecomputeAsync(kpi.Id);
        events.Publish(productId);
        return await GetAsync(productId, kpi.Id, ct);
    }

    public async Task<KpiDetail> UpdateAsync(int productId, int kpiId, KpiInput input, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.ProductId == productId && k.Id == kpiId, ct) ?? throw KpiNotFound(productId, kpiId);
        var names = await db.Kpis.AsNoTracking().Where(k => k.ProductId == productId && k.Id != kpiId).Select(k => k.Name).ToListAsync(ct);
        var errors = KpiRules.Validate(input, product.Schema, product.Task, names);
        if (kpi.Source == KpiSource.Uploaded && await db.KpiValues.AnyAsync(v => v.KpiId == kpiId, ct))
        {
            var count = await db.KpiValues.CountAsync(v => v.KpiId == kpiId, ct);
            if (input.Source != KpiSource.Uploaded)
                errors["source"] = [$"'{kpi.Name}' has {count} uploaded values; a computed KPI would drop them. Add a new KPI for the computed source instead."];
            else if (input.Period != kpi.Period)
                errors["period"] = [$"'{kpi.Name}' has {count} uploaded values per {KpiPeriods.Noun(kpi.Period)}; they cannot be re-cut into {KpiPeriods.Noun(input.Period)}s. Add a new KPI instead."];
        }
        ThrowIfInvalid(errors);
        var before = Snapshot(kpi);
        var wasComputed = kpi.Source != KpiSource.Uploaded;
        Apply(kpi, input, actor, clock.GetUtcNow().UtcDateTime);
        kpi.Name = input.Name.Trim();
        trail.Record(db, productId, actor, TrailAction.KpiUpdated, Subject(kpi), before, Snapshot(kpi));
        // Dropping the computed values runs at once (not through SaveChanges): it commits with the edit or not at all.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (wasComputed && kpi.Source == KpiSource.Uploaded)
                await db.KpiValues.Where(v => v.KpiId == kpiId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        logger.LogInformation("KPI {KpiId} of product {ProductId} changed by {Actor}", kpiId, productId, actor.Name);
        await RecomputeAsync(kpiId);
        events.Publish(productId);
        return await GetAsync(productId, kpiId, ct);
    }

    /// <summary>Deletes a KPI and its values; its open alert is resolved.</summary>
    public async Task DeleteAsync(int productId, int kpiId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await RequireProductAsync(db, productId, ct);
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.ProductId == productId && k.Id == kpiId, ct) ?? throw KpiNotFound(productId, kpiId);
        trail.Record(db, productId, actor, TrailAction.KpiDeleted, Subject(kpi), before: Snapshot(kpi));
        await alerts.ClearAsync(db, productId, AlertKeys.Kpi(kpiId), $"KPI deleted by {actor.Name}.", ct);
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("KPI {KpiId} '{Name}' of product {ProductId} deleted by {Actor}", kpiId, kpi.Name, productId, actor.Name);
        alerts.AfterSave(productId, []);
    }

    /// <summary>Values of an uploaded KPI from a CSV file (header period,value[,arm]); errors keyed "row N, column 'c'".</summary>
    public async Task<KpiUploadResult> UploadValuesAsync(int productId, int kpiId, ReadOnlyMemory<byte> csv, string fileName, Actor actor, CancellationToken ct)
    {
        var kpi = await RequireUploadableAsync(productId, kpiId, ct);
        var (rows, lines) = KpiValuesParser.ReadCsv(csv, fileName);
        var values = KpiValuesParser.Validate(rows, kpi.Period, (i, column) => CsvErrorCollector.CellKey(lines[i], column), i => $"row {lines[i]}", fileName);
        return await StoreAsync(kpi, values, fileName, actor, ct);
    }

    /// <summary>Values of an uploaded KPI from the API's JSON rows; errors keyed "values[i].field".</summary>
    public async Task<KpiUploadResult> SaveValuesAsync(int productId, int kpiId, IReadOnlyList<KpiValueInput> rows, Actor actor, CancellationToken ct)
    {
        var kpi = await RequireUploadableAsync(productId, kpiId, ct);
        if (rows.Count == 0)
            throw new InputValidationException("values", "'values' is empty: send at least one { \"period\": \"2024-05-06\", \"value\": 123.4 }.");
        var values = KpiValuesParser.Validate(rows, kpi.Period, (i, field) => $"values[{i}].{field}", i => $"values[{i}]", "the request body");
        return await StoreAsync(kpi, values, "API request", actor, ct);
    }

    private async Task<KpiUploadResult> StoreAsync(Kpi kpi, IReadOnlyList<(DateTime Period, ExperimentArm? Arm, double Value)> values, string source, Actor actor,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = (await db.KpiValues.Where(v => v.KpiId == kpi.Id && v.BatchId == null).ToListAsync(ct))
            .GroupBy(v => (v.PeriodStart, v.Arm)).ToDictionary(g => g.Key, g => g.ToList());
        var replaced = 0;
        foreach (var (period, arm, value) in values)
        {
            if (existing.TryGetValue((period, arm), out var old))
            {
                db.KpiValues.RemoveRange(old);
                replaced++;
            }
            db.KpiValues.Add(new KpiValue { KpiId = kpi.Id, PeriodStart = period, Arm = arm, Value = value, Weight = 1, RecordedAt = now });
        }
        var from = values.Min(v => v.Period);
        var to = values.Max(v => v.Period);
        trail.Record(db, kpi.ProductId, actor, TrailAction.KpiValuesUploaded, Subject(kpi), after:
            $"{values.Count} values from {source}, {KpiPeriods.Format(from, kpi.Period)} … {KpiPeriods.Format(to, kpi.Period)} ({replaced} replaced)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("KPI {KpiId}: {Values} values uploaded by {Actor} ({Replaced} replaced)", kpi.Id, values.Count, actor.Name, replaced);
        await EvaluateAsync(kpi.Id);
        events.Publish(kpi.ProductId);
        return new KpiUploadResult(values.Count, values.Count - replaced, replaced, from, to);
    }

    /// <summary>Recomputes (computed KPIs) and judges a KPI after a definition change. Not cancellable, never thrown:
    /// the definition is saved; a failure is logged and the next batch or edit computes again.</summary>
    private async Task RecomputeAsync(int kpiId)
    {
        try
        {
            await recomputer.RecomputeAsync(kpiId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Computing the values of KPI {KpiId} failed; the definition is saved", kpiId);
        }
    }

    private async Task EvaluateAsync(int kpiId)
    {
        try
        {
            await recomputer.EvaluateAsync(kpiId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Judging KPI {KpiId} failed; its values are stored", kpiId);
        }
    }

    private async Task<Kpi> RequireUploadableAsync(int productId, int kpiId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireProductAsync(db, productId, ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        var kpi = await RequireKpiAsync(db, productId, kpiId, ct);
        if (kpi.Source != KpiSource.Uploaded)
            throw new ConflictException($"'{kpi.Name}' is computed from the product's batches ({Source(kpi)}); only KPIs with uploaded values take uploads.");
        return kpi;
    }

    private static void Validate(KpiInput input, DataProduct product, IEnumerable<string> otherNames) =>
        ThrowIfInvalid(KpiRules.Validate(input, product.Schema, product.Task, otherNames));

    private static void ThrowIfInvalid(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
            throw new InputValidationException($"The KPI is not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);
    }

    private static void Apply(Kpi kpi, KpiInput input, Actor actor, DateTime now)
    {
        kpi.Description = input.Description?.Trim() ?? "";
        kpi.Unit = input.Unit?.Trim() ?? "";
        kpi.Direction = input.Direction;
        kpi.Target = input.Target;
        kpi.Tolerance = input.Tolerance;
        kpi.Period = input.Period;
        kpi.Source = input.Source;
        kpi.Aggregate = input.Source == KpiSource.BatchColumn ? input.Aggregate : null;
        kpi.Column = input.Source == KpiSource.BatchColumn ? input.Column?.Trim() : null;
        kpi.CostFalsePositive = input.Source == KpiSource.MisclassificationCost ? input.CostFalsePositive : null;
        kpi.CostFalseNegative = input.Source == KpiSource.MisclassificationCost ? input.CostFalseNegative : null;
        kpi.RunLength = input.RunLength;
        kpi.Owner = string.IsNullOrWhiteSpace(input.Owner) ? actor.Name : input.Owner.Trim();
        kpi.UpdatedAt = now;
        // Judged again after the save; until then pages classify the run themselves.
        kpi.Finding = null;
    }

    /// <summary>"uploaded values", "Sum of 'cnt'", "misclassification cost (FP 1, FN 5)".</summary>
    public static string Source(KpiDefinition kpi) => Source(kpi.Source, kpi.Aggregate, kpi.Column, kpi.CostFalsePositive, kpi.CostFalseNegative);

    private static string Source(Kpi kpi) => Source(kpi.Source, kpi.Aggregate, kpi.Column, kpi.CostFalsePositive, kpi.CostFalseNegative);

    private static string Source(KpiSource source, KpiAggregate? aggregate, string? column, double? fp, double? fn) => source switch
    {
        KpiSource.BatchColumn => $"{aggregate ?? KpiAggregate.Sum} of '{column}'",
        KpiSource.MisclassificationCost => $"misclassification cost (false positive {KpiNumbers.Format(fp ?? 0)}, false negative {KpiNumbers.Format(fn ?? 0)})",
        _ => "uploaded values",
    };

    private static string Subject(Kpi kpi) => $"KPI {kpi.Id} '{kpi.Name}'";

    private static string Snapshot(Kpi kpi) =>
        $"{Source(kpi)} per {KpiPeriods.Noun(kpi.Period)}; {(kpi.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower")} is better; "
        + $"target {KpiNumbers.WithUnit(kpi.Target, kpi.Unit)} ± {KpiNumbers.Format(kpi.Tolerance)}; run of {kpi.RunLength}; owner {kpi.Owner}";

    private static NotFoundException KpiNotFound(int productId, int kpiId) => new($"Data product {productId} has no KPI {kpiId}.");

    private static async Task<DataProduct> RequireProductAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);

    private static async Task<Kpi> RequireKpiAsync(DashboardDbContext db, int productId, int kpiId, CancellationToken ct) =>
        await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.ProductId == productId && k.Id == kpiId, ct) ?? throw KpiNotFound(productId, kpiId);
}
