using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Releases;

/// <summary>Release decisions: a version is judged by the product's release gates on its hold-out metrics and on the
/// latest production batches re-scored by it and by the champion (shadow scoring). Promotion is refused while a
/// critical release gate fails, unless an unexpired waiver is recorded; promotions, refusals, waivers and rollbacks
/// go to the audit trail.</summary>
public sealed class ReleaseService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ShadowScorer shadow,
    ModelRegistryService registry,
    Alerts.AlertService alerts,
    AuditTrail trail,
    ProductEvents events,
    TimeProvider clock,
    Operations.DashboardMetrics metrics,
    ILogger<ReleaseService> logger)
{
    public const string RunKind = "release";
    public static readonly TimeSpan MaxWaiver = TimeSpan.FromDays(90);

    /// <summary>Evaluates the release gates for a version now and stores the outcomes (replacing earlier ones).</summary>
    public async Task<ReleaseDecision> EvaluateAsync(int productId, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
            ?? throw NotFoundException.ModelVersion(productId, number);
        var champion = product.ChampionVersionId is { } championId && championId != version.Id
            ? await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == championId, ct)
            : null;
        var rules = await db.GateRules.AsNoTracking().Where(r => r.ProductId == productId && r.Scope == GateScope.Release && r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);

        var sample = await shadow.LoadAsync(db, product, ct);
        var candidateValues = await Task.Run(() => ValuesAsync(version, product, sample, ct), ct);
        var championValues = champion is null ? null : await Task.Run(() => ValuesAsync(champion, product, sample, ct), ct);
        var reference = version.HoldoutMetrics.ToDictionary(h => new MetricAddress(MetricCatalog.ShadowPrefix + h.Key), h => h.Value);
        var evidence = new GateEvidence(Addresses(candidateValues), reference, championValues is null ? null : Addresses(championValues))
        {
            MissingReason = key => key.StartsWith(MetricCatalog.ShadowPrefix, StringComparison.Ordinal)
                ? sample.Batches.Count == 0 ? "no production batches to re-score yet" : "no labelled production rows yet"
                : "the version has no such hold-out metric",
            LabelUnit = product.Schema.LabelUnit,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = rules.Select(r => (Rule: r, Outcome: GateEvaluator.Evaluate(r.ToSpec(), evidence))).ToList();
        if (champion is null)
            outcomes = outcomes.Select(o => o.Rule.Condition == GateCondition.RelativeToChampion && o.Outcome.Status == GateStatus.Skipped
                ? (o.Rule, o.Outcome with { Description = $"{MetricCatalog.Describe(o.Rule.ToSpec().Address)}: v{number} is the champion (or there is none), so there is nothing to compare with." })
                : o).ToList();
        var stored = outcomes.Select(o => new GateEvaluation
        {
            ProductId = productId, GateRuleId = o.Rule.Id, ModelVersionId = version.Id, Status = o.Outcome.Status, Actual = o.Outcome.Actual,
            Compared = o.Outcome.Compared, Description = o.Outcome.Description, At = now, EvaluatedAt = now,
        }).ToList();

        WaiverState? waived;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.GateEvaluations.Where(e => e.ModelVersionId == version.Id && e.BatchId == null).ExecuteDeleteAsync(ct);
            await db.MetricRuns.Where(r => r.ModelVersionId == version.Id && r.BatchId == null && r.Kind == RunKind).ExecuteDeleteAsync(ct);
            db.GateEvaluations.AddRange(stored);
            var run = new MetricRun
            {
                ProductId = productId, ModelVersionId = version.Id, Kind = RunKind, At = now,
                ResultJson = JsonSerializer.Serialize(new { candidate = candidateValues, champion = championValues, shadowBatches = sample.Batches.Select(b => b.Id) }),
            };
            db.MetricRuns.Add(run);
            await db.SaveChangesAsync(ct);
            db.MetricPoints.AddRange(candidateValues.Select(v => new MetricPoint
            {
                ProductId = productId, ModelVersionId = version.Id, MetricRunId = run.Id, MetricKey = MetricAddress.Parse(v.Key).Key,
                Column = MetricAddress.Parse(v.Key).Column, Segment = MetricAddress.Parse(v.Key).Segment, Value = v.Value, At = now,
            }));
            version.ReleaseStatus = GateEvaluator.Worst(stored.Select(s => s.Status));
            version.ReleaseEvaluatedAt = now;
            waived = await ActiveWaivers.OfVersionAsync(db, productId, version.Id, now, ct);
            var notify = await RaiseAlertsAsync(db, product, version, outcomes, waived, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            metrics.GateOutcomes(GateScope.Release, stored.Select(e => e.Status));
            alerts.AfterSave(productId, notify);
        }
        logger.LogInformation("Release gates of version {Number} of product {ProductId}: {Status} on {Batches} shadow batches", number, productId,
            version.ReleaseStatus?.ToString() ?? "no gates", sample.Batches.Count);
        events.Publish(productId);
        return Decision(product, version, champion, now, rules, stored, waived, sample, candidateValues, championValues);
    }

    /// <summary>Makes a version the champion if its release gates allow it (or a waiver covers it); otherwise records
    /// the refusal and throws a 409 naming the failing gates.</summary>
    public async Task<ReleaseDecision> PromoteAsync(int productId, int number, Actor actor, CancellationToken ct)
    {
        var before = await ChampionNumberAsync(productId, ct);
        if (before == number)
            throw new ConflictException($"Version {number} is already the champion.");
        var decision = await EvaluateAsync(productId, number, ct);
        if (!decision.CanPromote)
        {
            await RecordAsync(productId, actor, TrailAction.PromotionRefused, $"version {number}", Champion(before), $"refused: {string.Join("; ", decision.Blocking)}", ct);
            throw new ConflictException($"Version {number} cannot be promoted: {decision.Blocking.Count} critical release gate(s) fail — {string.Join("; ", decision.Blocking)}. " +
                "Fix the model, change the gates, or record a waiver (reason and expiry) to release it anyway.");
        }
        var note = decision.Waiver is { } w && decision.Blocking.Count > 0 ? $" under waiver #{w.Id} by {w.CreatedBy} until {w.ExpiresAt:yyyy-MM-dd}" : "";
        await registry.PromoteAsync(productId, number, retire: null,
            db => trail.Record(db, productId, actor, TrailAction.Promoted, $"version {number}", Champion(before), $"champion v{number}{note}"), ct);
        logger.LogInformation("Version {Number} of product {ProductId} promoted by {Actor}{Note}", number, productId, actor.Name, note);
        return decision with { CanPromote = true };
    }

    /// <summary>Puts the previous champion back (the latest earlier champion), without release gates: a rollback is the
    /// way out of a bad release. The rolled-back version is retired.</summary>
    public async Task<ModelVersionSummary> RollbackAsync(int productId, Actor actor, CancellationToken ct)
    {
        int current, previous;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
            var champion = product.ChampionVersionId is { } id ? await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == id, ct)
                : throw new ConflictException($"'{product.Name}' has no champion to roll back.");
            var earlier = await db.ModelVersions.AsNoTracking()
                .Where(v => v.ProductId == productId && v.Id != champion.Id && v.PromotedAt != null && v.Status != ModelStatus.Retired)
                .OrderByDescending(v => v.PromotedAt).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException($"No earlier champion of '{product.Name}' to roll back to (version {champion.Number} is the only one released).");
            (current, previous) = (champion.Number, earlier.Number);
        }
        var restored = await registry.PromoteAsync(productId, previous, retire: current,
            db => trail.Record(db, productId, actor, TrailAction.RolledBack, $"version {current}", $"champion v{current}", $"champion v{previous}; v{current} retired"), ct);
        logger.LogWarning("Product {ProductId} rolled back from version {Current} to {Previous} by {Actor}", productId, current, previous, actor.Name);
        return restored;
    }

    /// <summary>Records a product manager's waiver: the version may be promoted despite failing critical release gates
    /// until <paramref name="expiresAt"/>.</summary>
    public async Task<WaiverView> WaiveAsync(int productId, int number, string? reason, DateTime? expiresAt, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A date without a time ("2026-12-31") covers that whole day.
        if (expiresAt is { TimeOfDay.Ticks: 0 } day)
            expiresAt = day.AddDays(1).AddSeconds(-1);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason))
            errors["reason"] = ["A waiver needs a reason (why release despite the failing gates)."];
        else if (reason.Length > 2000)
            errors["reason"] = ["The reason is longer than 2000 characters."];
        if (expiresAt is null)
            errors["expiresAt"] = ["A waiver needs an expiry date."];
        else if (expiresAt <= now)
            errors["expiresAt"] = [$"The expiry {expiresAt:yyyy-MM-dd HH:mm} UTC is not in the future."];
        else if (expiresAt > now + MaxWaiver)
            errors["expiresAt"] = [$"A waiver lasts at most {MaxWaiver.TotalDays:0} days (until {(now + MaxWaiver):yyyy-MM-dd})."];
        if (errors.Count > 0)
            throw new InputValidationException($"The waiver is not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
            ?? (await db.Products.AnyAsync(p => p.Id == productId, ct) ? throw NotFoundException.ModelVersion(productId, number) : throw new NotFoundException("Data product", productId));
        var waiver = new ReleaseWaiver
        {
            ProductId = productId, ModelVersionId = version.Id, Reason = reason!.Trim(), ExpiresAt = DateTime.SpecifyKind(expiresAt!.Value, DateTimeKind.Utc),
            CreatedBy = actor.Name, CreatedAt = now,
        };
        db.ReleaseWaivers.Add(waiver);
        trail.Record(db, productId, actor, TrailAction.Waived, $"version {number}", null,
            $"waiver until {waiver.ExpiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {waiver.Reason}");
        // The waiver's id is known after the first save; the critical alerts of the version's failing release gates are
        // resolved as waived by it in the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var releaseRules = await db.GateRules.AsNoTracking().Where(r => r.ProductId == productId && r.Scope == GateScope.Release).Select(r => r.Id).ToListAsync(ct);
        var waived = await alerts.WaiveAsync(db, productId, releaseRules.Select(id => Alerts.AlertKeys.Release(id, number)).ToList(), ActiveWaivers.Of(waiver, number), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Waiver {WaiverId} for version {Number} of product {ProductId} by {Actor} until {Expires:u}; {Alerts} alerts resolved as waived",
            waiver.Id, number, productId, actor.Name, waiver.ExpiresAt, waived);
        events.Publish(productId);
        return ToView(waiver, number, now);
    }

    public async Task<IReadOnlyList<WaiverView>> ListWaiversAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.ReleaseWaivers.AsNoTracking().Where(w => w.ProductId == productId).OrderByDescending(w => w.CreatedAt)
            .Join(db.ModelVersions, w => w.ModelVersionId, v => v.Id, (w, v) => new { w, v.Number }).ToListAsync(ct);
        return rows.Select(r => ToView(r.w, r.Number, now)).ToList();
    }

    /// <summary>A failing (or unjudgeable critical) release gate raises an alert per rule and version, deduplicated like
    /// batch alerts; a pass clears it. Under an active <paramref name="waiver"/> a blocking outcome raises nothing, and
    /// its unresolved alert is resolved as waived.</summary>
    private async Task<List<Alert>> RaiseAlertsAsync(DashboardDbContext db, DataProduct product, ModelVersion version,
        List<(GateRule Rule, GateOutcome Outcome)> outcomes, WaiverState? waiver, DateTime now, CancellationToken ct)
    {
        var notify = new List<Alert>();
        foreach (var (rule, outcome) in outcomes)
        {
            var key = Alerts.AlertKeys.Release(rule.Id, version.Number);
            if (waiver is not null && Blocks(rule.Severity, outcome.Status))
            {
                await alerts.WaiveAsync(db, product.Id, [key], waiver, ct);
                continue;
            }
            if (outcome.Status is GateStatus.Failed or GateStatus.Warning || Blocks(rule.Severity, outcome.Status))
            {
                var (alert, send) = await alerts.RaiseAsync(db, new Alerts.AlertSignal(product.Id, AlertKind.Gate, key,
                    outcome.Status == GateStatus.Warning ? GateSeverity.Warning : GateSeverity.Critical,
                    $"Release of v{version.Number}: {GateService.NameOf(rule)}", $"{outcome.Description}.", $"/products/{product.Id}/models", now, rule.Id), repeat: false, ct);
                if (send)
                    notify.Add(alert);
            }
            else if (outcome.Status == GateStatus.Passed)
            {
                await alerts.ClearAsync(db, product.Id, key, $"Passed on the release evaluation of {now:yyyy-MM-dd HH:mm} UTC.", ct);
            }
        }
        return notify;
    }

    /// <summary>A critical release gate blocks when it fails, and when it cannot be judged (no evidence is no pass).</summary>
    public static bool Blocks(GateSeverity severity, GateStatus status) => GateEvaluator.BlocksRelease(severity, status);

    private async Task<Dictionary<string, double>> ValuesAsync(ModelVersion version, DataProduct product, ShadowScorer.Sample sample, CancellationToken ct)
    {
        var values = version.HoldoutMetrics.Where(h => double.IsFinite(h.Value))
            .ToDictionary(h => MetricCatalog.HoldoutPrefix + h.Key, h => h.Value, StringComparer.Ordinal);
        if (sample.Tables.Count > 0)
        {
            foreach (var (key, value) in await shadow.MeasureAsync(version, product, sample, ct))
                values[key] = value;
        }
        return values;
    }

    private static Dictionary<MetricAddress, double> Addresses(Dictionary<string, double> values) =>
        values.ToDictionary(v => MetricAddress.Parse(v.Key), v => v.Value);

    private static ReleaseDecision Decision(DataProduct product, ModelVersion version, ModelVersion? champion, DateTime now, List<GateRule> rules,
        List<GateEvaluation> stored, WaiverState? waived, ShadowScorer.Sample sample, Dictionary<string, double> candidate, Dictionary<string, double>? championValues)
    {
        var byId = rules.ToDictionary(r => r.Id);
        var views = stored.Select(s => GateService.ToView(s, byId[s.GateRuleId], version.Number, waived))
            .OrderByDescending(v => GateEvaluator.Rank(v.Status)).ToList();
        var waiver = waived is null ? null : ToView(waived, now);
        var blocking = views.Where(v => Blocks(v.Severity, v.Status)).Select(v => $"{v.RuleName}: {v.Description}").ToList();
        var canPromote = blocking.Count == 0 || waiver is not null;
        var summary = rules.Count == 0 ? "No release gates: the version may be promoted. Add release gates on the Gates page to guard releases."
            : blocking.Count == 0 ? $"All {rules.Count} release gates pass or only warn: the version may be promoted."
            : waiver is not null ? $"{blocking.Count} critical release gate(s) fail, waived by {waiver.CreatedBy} until {waiver.ExpiresAt:yyyy-MM-dd}: \"{waiver.Reason}\"."
            : $"{blocking.Count} critical release gate(s) fail: promotion is blocked unless a product manager records a waiver.";
        var labelled = candidate.TryGetValue(MetricCatalog.ShadowLabelledRows, out var rows) ? (int)rows : 0;
        return new ReleaseDecision(product.Id, version.Number, champion?.Number, now, version.ReleaseStatus, views, blocking, waiver, canPromote, summary,
            sample.Batches.Count, labelled, candidate, championValues);
    }

    private async Task<int?> ChampionNumberAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        return product.ChampionVersionId is { } id ? await db.ModelVersions.Where(v => v.Id == id).Select(v => (int?)v.Number).FirstAsync(ct) : null;
    }

    private async Task RecordAsync(int productId, Actor actor, TrailAction action, string subject, string? before, string? after, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        trail.Record(db, productId, actor, action, subject, before, after);
        await db.SaveChangesAsync(ct);
    }

    private static string Champion(int? number) => number is { } n ? $"champion v{n}" : "no champion";

    private static WaiverView ToView(ReleaseWaiver w, int number, DateTime now) => ToView(ActiveWaivers.Of(w, number), now);

    private static WaiverView ToView(WaiverState w, DateTime now) =>
        new(w.Id, w.Version, w.Reason, w.ExpiresAt, w.CreatedBy, w.CreatedAt, w.ExpiresAt > now) { Link = w.Link };
}
