using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Gates;

/// <summary>Gate rules of a product: edited by product managers (every edit in the audit trail), offered with the
/// metrics that exist and their current values, previewed on recent batches before saving, and their history.</summary>
public sealed class GateService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    BatchEvidence evidence,
    Alerts.AlertService alerts,
    AuditTrail trail,
    ProductEvents events,
    TimeProvider clock,
    ILogger<GateService> logger)
{
    public const int PreviewBatches = 10;
    private const int MetricHistoryBatches = 20;

    public async Task<IReadOnlyList<GateRuleView>> ListAsync(int productId, GateScope? scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var rules = await db.GateRules.AsNoTracking().Where(r => r.ProductId == productId && (scope == null || r.Scope == scope))
            .OrderBy(r => r.Scope).ThenBy(r => r.Id).ToListAsync(ct);
        var ids = rules.Select(r => r.Id).ToList();
        var latest = await db.GateEvaluations.AsNoTracking().Where(e => ids.Contains(e.GateRuleId))
            .GroupBy(e => e.GateRuleId).Select(g => g.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).First()).ToListAsync(ct);
        var byRule = latest.ToDictionary(e => e.GateRuleId);
        var waivers = await ActiveWaivers.OfProductAsync(db, productId, clock.GetUtcNow().UtcDateTime, ct);
        return rules.Select(r => View(r, byRule.GetValueOrDefault(r.Id), waivers) with { LabelUnit = product.Schema.LabelUnit }).ToList();
    }

    public async Task<GateRuleView> GetAsync(int productId, int ruleId, CancellationToken ct)
    {
        var rules = await ListAsync(productId, null, ct);
        return rules.FirstOrDefault(r => r.Id == ruleId) ?? throw new NotFoundException($"Data product {productId} has no gate rule {ruleId}.");
    }

    public async Task<GateRuleView> CreateAsync(int productId, GateRuleInput input, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var spec = await ValidateAsync(db, product, input, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new GateRule { ProductId = productId, MetricKey = spec.MetricKey, CreatedAt = now };
        Apply(rule, input, spec, actor, now);
        db.GateRules.Add(rule);
        // The trail entry names the rule's id, known after the first save: both saves commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        trail.Record(db, productId, actor, TrailAction.GateCreated, Subject(rule), after: Snapshot(rule));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Gate {RuleId} of product {ProductId} created by {Actor}: {Text}", rule.Id, productId, actor.Name, GateRuleText.Describe(spec));
        events.Publish(productId);
        return await GetAsync(productId, rule.Id, ct);
    }

    public async Task<GateRuleView> UpdateAsync(int productId, int ruleId, GateRuleInput input, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var rule = await db.GateRules.FirstOrDefaultAsync(r => r.ProductId == productId && r.Id == ruleId, ct)
            ?? throw new NotFoundException($"Data product {productId} has no gate rule {ruleId}.");
        var spec = await ValidateAsync(db, product, input, ct, keptSegment: rule.Segment);
        var before = Snapshot(rule);
        Apply(rule, input, spec, actor, clock.GetUtcNow().UtcDateTime);
        trail.Record(db, productId, actor, TrailAction.GateUpdated, Subject(rule), before, Snapshot(rule));
        if (!rule.Enabled)
            await alerts.ClearAsync(db, productId, Alerts.AlertKeys.Gate(ruleId), $"Gate disabled by {actor.Name}.", ct);
        // A KPI finding names the performance gates that failed in its run: classified again on the next read.
        await KpiFindings.ForgetAsync(db, productId, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Gate {RuleId} of product {ProductId} changed by {Actor}", ruleId, productId, actor.Name);
        events.Publish(productId);
        return await GetAsync(productId, ruleId, ct);
    }

    public async Task DeleteAsync(int productId, int ruleId, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        await RequireProductAsync(db, productId, ct);
        var rule = await db.GateRules.FirstOrDefaultAsync(r => r.ProductId == productId && r.Id == ruleId, ct)
            ?? throw new NotFoundException($"Data product {productId} has no gate rule {ruleId}.");
        trail.Record(db, productId, actor, TrailAction.GateDeleted, Subject(rule), before: Snapshot(rule));
        await alerts.ClearAsync(db, productId, Alerts.AlertKeys.Gate(ruleId), $"Gate deleted by {actor.Name}.", ct);
        db.GateRules.Remove(rule);
        await KpiFindings.ForgetAsync(db, productId, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Gate {RuleId} of product {ProductId} deleted by {Actor}", ruleId, productId, actor.Name);
        events.Publish(productId);
    }

    /// <summary>Every metric a gate of this product can watch, with its newest value: batch metrics from the latest
    /// batches (performance from the latest labelled one), release metrics from the latest release evaluation.</summary>
    public async Task<IReadOnlyList<AvailableMetric>> GetMetricsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var latest = await LatestValuesAsync(db, productId, ct);
        var metrics = new List<AvailableMetric>();
        foreach (var info in MetricCatalog.For(product.Task).OrderBy(m => m.Family).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            if (info.PerColumn && info.Key.Contains(MetricCatalog.FairnessPrefix, StringComparison.Ordinal))
            {
                // Fairness is measured per segment attribute: offered for each, measured yet or not.
                foreach (var attribute in SegmentAttributes.Of(product.Schema))
                    metrics.Add(Available(info, attribute, latest.TryGetValue(new MetricAddress(info.Key, attribute), out var v) ? v : null));
            }
            else if (info.PerColumn)
            {
                foreach (var column in product.Schema.Features)
                {
                    if (latest.TryGetValue(new MetricAddress(info.Key, column.Name), out var v))
                        metrics.Add(Available(info, column.Name, v));
                }
            }
            else
            {
                metrics.Add(Available(info, null, latest.TryGetValue(new MetricAddress(info.Key), out var v) ? v : null));
            }
        }
        return metrics;

        static AvailableMetric Available(MetricInfo info, string? column, (double Value, DateTime At)? value) => new(info.Key, info.Name, info.Family,
            info.Scope, column, value?.Value, value?.At, info.Unit, info.Explanation, info.LowerIsBetter);
    }

    /// <summary>The default gates the product's metrics propose that it does not have yet.</summary>
    public async Task<IReadOnlyList<ProposedGate>> GetProposalsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var latest = (await LatestValuesAsync(db, productId, ct)).ToDictionary(p => p.Key, p => p.Value.Value);
        var existing = await db.GateRules.AsNoTracking().Where(r => r.ProductId == productId)
            .Select(r => new { r.Scope, r.MetricKey, r.Column, r.Condition }).ToListAsync(ct);
        return DefaultGates.For(product.Schema, product.Task, latest)
            .Where(p => !existing.Any(e => e.Scope == p.Rule.Scope && e.MetricKey == p.Rule.MetricKey && e.Column == p.Rule.Column && e.Condition == p.Rule.Condition))
            .ToList();
    }

    /// <summary>For a product created with its default gates: adopts every gate <paramref name="batchId"/>'s metrics
    /// propose (the first batch's), as the system, in one transaction with clearing the product's flag and the trail
    /// entries; does nothing for any other product or once done. Returns how many gates were added.</summary>
    public async Task<int> AdoptDefaultsIfPendingAsync(int productId, int batchId, CancellationToken ct)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await check.Products.AnyAsync(p => p.Id == productId && p.AdoptDefaultGates, ct))
                return 0;
        }
        var proposals = await GetProposalsForBatchAsync(batchId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId && p.AdoptDefaultGates, ct);
        if (product is null)
            return 0; // adopted meanwhile
        var existing = await db.GateRules.AsNoTracking().Where(r => r.ProductId == productId)
            .Select(r => new { r.Scope, r.MetricKey, r.Column, r.Condition }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = new List<GateRule>();
        foreach (var proposal in proposals.Where(p => !existing.Any(e => e.Scope == p.Rule.Scope && e.MetricKey == p.Rule.MetricKey && e.Column == p.Rule.Column && e.Condition == p.Rule.Condition)))
        {
            var rule = new GateRule { ProductId = productId, MetricKey = proposal.Rule.MetricKey, CreatedAt = now };
            Apply(rule, GateRuleInput.From(proposal.Rule), proposal.Rule, Actor.System, now);
            rules.Add(rule);
        }
        db.GateRules.AddRange(rules);
        product.AdoptDefaultGates = false;
        await db.SaveChangesAsync(ct);
        foreach (var rule in rules)
            trail.Record(db, productId, Actor.System, TrailAction.GateCreated, Subject(rule), after: Snapshot(rule) + "; a default gate, adopted with the first batch");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Product {ProductId}: {Count} default gates adopted with batch {BatchId}", productId, rules.Count, batchId);
        return rules.Count;
    }

    /// <summary>The default gates a batch's own metrics propose.</summary>
    public async Task<IReadOnlyList<ProposedGate>> GetProposalsForBatchAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException("Batch", batchId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        var values = (await evidence.ForBatchesAsync(db, [batch], ct))[batchId];
        return DefaultGates.For(product.Schema, product.Task, values.Actual.ToDictionary(v => v.Key, v => v.Value));
    }

    /// <summary>What a rule (not saved yet) would have said on the product's last <see cref="PreviewBatches"/> batches,
    /// newest first. Release rules are previewed by the release evaluation instead, so they answer an empty list.</summary>
    public async Task<IReadOnlyList<GatePreviewRow>> PreviewAsync(int productId, GateRuleInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        var spec = await ValidateAsync(db, product, input, ct);
        if (spec.Scope != GateScope.Batch)
            return [];
        var batches = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id).Take(PreviewBatches).ToListAsync(ct);
        var values = await evidence.ForBatchesAsync(db, batches, ct);
        return batches.Select(b => new GatePreviewRow(b.Id, b.ReceivedAt, b.FileName, GateEvaluator.Evaluate(spec, values[b.Id])) { BatchNumber = b.Number }).ToList();
    }

    /// <summary>Stored outcomes, newest first, filtered by rule, status, scope and time.</summary>
    public async Task<PagedResult<GateEvaluationView>> ListEvaluationsAsync(int productId, EvaluationFilter filter, CancellationToken ct)
    {
        Paging.GateEvaluations.Check(filter.Page, filter.PageSize);
        if (filter.From is { } from && filter.To is { } to && from > to)
            throw new InputValidationException("from", $"'from' ({from:u}) is after 'to' ({to:u}).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireProductAsync(db, productId, ct);
        var query = db.GateEvaluations.AsNoTracking().Where(e => e.ProductId == productId);
        if (filter.RuleId is { } ruleId)
            query = query.Where(e => e.GateRuleId == ruleId);
        if (filter.Status is { } status)
            query = query.Where(e => e.Status == status);
        if (filter.Scope is { } scope)
            query = query.Where(e => e.GateRule!.Scope == scope);
        if (filter.From is { } f)
            query = query.Where(e => e.At >= f);
        if (filter.To is { } t)
            query = query.Where(e => e.At <= t);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(e => new { e, e.GateRule }).ToListAsync(ct);
        // The version's number beside its id, on batch and release evaluations alike.
        var versionIds = rows.Where(r => r.e.ModelVersionId != null).Select(r => r.e.ModelVersionId!.Value).Distinct().ToList();
        var numbers = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var waivers = await ActiveWaivers.OfProductAsync(db, productId, clock.GetUtcNow().UtcDateTime, ct);
        var batchIds = rows.Where(r => r.e.BatchId != null).Select(r => r.e.BatchId!.Value).Distinct().ToList();
        var batchNumbers = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        var items = rows.Select(r => ToView(r.e, r.GateRule!, r.e.ModelVersionId is { } id ? numbers.GetValueOrDefault(id) : null,
            r.e.BatchId is null && r.e.ModelVersionId is { } version ? waivers.GetValueOrDefault(version) : null)
            with { BatchNumber = r.e.BatchId is { } batch ? batchNumbers.GetValueOrDefault(batch) : null }).ToList();
        return new PagedResult<GateEvaluationView>(items, total);
    }

    /// <summary>The outcomes stored for one batch, worst first.</summary>
    public async Task<IReadOnlyList<GateEvaluationView>> ListForBatchAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Batches.AnyAsync(b => b.Id == batchId, ct))
            throw new NotFoundException("Batch", batchId);
        var rows = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId == batchId).Select(e => new { e, e.GateRule }).ToListAsync(ct);
        var number = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Number).FirstAsync(ct);
        return rows.Select(r => ToView(r.e, r.GateRule!) with { BatchNumber = number }).OrderByDescending(v => GateEvaluator.Rank(v.Status)).ThenBy(v => v.GateRuleId).ToList();
    }

    /// <summary>How often a batch is expected, in hours (null: no missing-batch alert).</summary>
    public async Task<double?> GetExpectedCadenceAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await RequireProductAsync(db, productId, ct);
        return product.ExpectedCadenceHours;
    }

    /// <summary>Sets how often a batch is expected (null: no missing-batch alert).</summary>
    public async Task SetExpectedCadenceAsync(int productId, double? hours, Actor actor, CancellationToken ct)
    {
        if (hours is { } h && (!double.IsFinite(h) || h <= 0 || h > 24 * 366))
            throw new InputValidationException("expectedCadenceHours", $"The expected cadence must be between 0 and {24 * 366} hours; got {h}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var before = product.ExpectedCadenceHours;
        product.ExpectedCadenceHours = hours;
        trail.Record(db, productId, actor, TrailAction.CadenceChanged, "expected batch cadence",
            before is null ? "none" : $"every {before:0.##} h", hours is null ? "none" : $"every {hours:0.##} h");
        if (hours is null)
            await alerts.ClearAsync(db, productId, Alerts.AlertKeys.MissingBatch, $"Expected cadence removed by {actor.Name}.", ct);
        await db.SaveChangesAsync(ct);
        events.Publish(productId);
    }

    /// <param name="waiver">The active waiver of the version a release outcome judged: kept when the outcome blocks.</param>
    public static GateEvaluationView ToView(GateEvaluation e, GateRule rule, int? versionNumber = null, WaiverState? waiver = null) => new(e.Id, e.GateRuleId,
        NameOf(rule), rule.Scope, rule.Severity, e.BatchId, e.ModelVersionId, e.Status, e.Actual, e.Compared, e.Description, e.At, versionNumber)
    {
        Waiver = Waived(e, rule, waiver),
    };

    /// <summary>The waiver when <paramref name="e"/> is a blocking release outcome it lifts.</summary>
    private static WaiverState? Waived(GateEvaluation? e, GateRule rule, WaiverState? waiver) =>
        e is { BatchId: null, ModelVersionId: not null } && waiver is not null && GateEvaluator.BlocksRelease(rule.Severity, e.Status) ? waiver : null;

    public static string NameOf(GateRule rule) => string.IsNullOrWhiteSpace(rule.Name) ? GateRuleText.Describe(rule.ToSpec()) : rule.Name;

    private async Task<Dictionary<MetricAddress, (double Value, DateTime At)>> LatestValuesAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var recent = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id).Take(MetricHistoryBatches).Select(b => b.Id).ToListAsync(ct);
        var labelled = await db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.LabelledRows > 0)
            .OrderByDescending(b => b.ReceivedAt).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        if (labelled is { } l)
            recent.Add(l);
        var points = await db.MetricPoints.AsNoTracking()
            .Where(p => p.ProductId == productId && !p.Shadow && ((p.BatchId != null && recent.Contains(p.BatchId.Value)) || (p.BatchId == null && p.ModelVersionId != null)))
            .Select(p => new { p.MetricKey, p.Column, p.Segment, p.Value, p.At, p.Id }).ToListAsync(ct);
        return points.GroupBy(p => new MetricAddress(p.MetricKey, p.Column, p.Segment))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.At).ThenByDescending(p => p.Id).Select(p => (p.Value, p.At)).First());
    }

    /// <param name="keptSegment">An edited rule's segment: kept as it is, it is not checked against the values seen
    /// again (a rule accepted before its value appeared can still be edited or disabled).</param>
    private static async Task<GateRuleSpec> ValidateAsync(DashboardDbContext db, DataProduct product, GateRuleInput input, CancellationToken ct, string? keptSegment = null)
    {
        var spec = input.ToSpec();
        // A segment is checked against the values the product's batches showed when its schema declares none.
        var seen = spec.Segment is null || spec.Segment == keptSegment ? null : await Segments.SegmentQueries.SeenAsync(db, product.Id, ct);
        var errors = GateRuleValidator.Validate(spec, product.Schema, seen);
        if (input.Name is { Length: > 200 })
            errors["name"] = ["The name is longer than 200 characters."];
        if (input.Owner is { Length: > 200 })
            errors["owner"] = ["The owner is longer than 200 characters."];
        if (errors.Count > 0)
            throw new InputValidationException($"The gate rule is not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);
        return spec;
    }

    private static void Apply(GateRule rule, GateRuleInput input, GateRuleSpec spec, Actor actor, DateTime now)
    {
        rule.Name = input.Name?.Trim() ?? "";
        rule.Scope = spec.Scope;
        rule.MetricKey = spec.MetricKey;
        rule.Column = spec.Column;
        rule.Segment = spec.Segment;
        rule.Condition = spec.Condition;
        rule.Threshold = spec.Threshold;
        rule.UpperThreshold = spec.Condition == GateCondition.Between ? spec.UpperThreshold : null;
        rule.Bound = spec.Bound;
        rule.Unit = spec.Unit;
        rule.Severity = spec.Severity;
        rule.Owner = string.IsNullOrWhiteSpace(input.Owner) ? actor.Name : input.Owner.Trim();
        rule.Enabled = input.Enabled;
        rule.UpdatedAt = now;
    }

    private static string Subject(GateRule rule) => $"{rule.Scope.ToString().ToLowerInvariant()} gate {rule.Id} '{NameOf(rule)}'";

    private static string Snapshot(GateRule rule) =>
        $"{GateRuleText.Describe(rule.ToSpec())}; {rule.Severity}; owner {rule.Owner}; {(rule.Enabled ? "enabled" : "disabled")}";

    private static GateRuleView View(GateRule r, GateEvaluation? last, IReadOnlyDictionary<int, WaiverState>? waivers = null) => new(r.Id, r.ProductId, NameOf(r),
        GateRuleText.Describe(r.ToSpec()), r.Scope, r.MetricKey, MetricCatalog.NameOf(r.MetricKey), r.Column, r.Segment, r.Condition, r.Threshold,
        r.UpperThreshold, r.Bound, r.Unit, r.Severity, r.Owner, r.Enabled, r.CreatedAt, r.UpdatedAt, last?.Status, last?.Description, last?.At)
    {
        LastWaiver = last?.ModelVersionId is { } version && waivers?.GetValueOrDefault(version) is { } waiver ? Waived(last, r, waiver) : null,
    };

    private static async Task<DataProduct> RequireProductAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
}
