using System.Globalization;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Exports;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Models;

/// <summary>Puts a version's lineage together from what the app already records: the version itself, the audit trail
/// (registered or trained, promoted, refused, waived, rolled back, replaced), its release-gate evaluations, the A/B
/// tests it was in and the batches it scored as champion.</summary>
public sealed class ModelLineageService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> CsvColumns = ["at", "kind", "actor", "text", "link"];

    public async Task<ModelLineage> GetAsync(int productId, int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Data product", productId);
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
            ?? throw NotFoundException.ModelVersion(productId, number);
        var events = new List<LineageEvent>();
        var models = $"/products/{productId}/models";

        var subject = $"version {number}";
        var champion = $"champion v{number}";
        var trail = await db.AuditTrail.AsNoTracking()
            .Where(t => t.ProductId == productId && (t.Subject == subject || t.Before == champion || (t.Action == TrailAction.RolledBack && t.After != null && t.After.StartsWith(champion + ";"))))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var created = false;
        foreach (var t in trail)
        {
            var mine = t.Subject == subject;
            switch (t.Action)
            {
                case TrailAction.ModelRegistered or TrailAction.ModelTrained when mine:
                    created = true;
                    events.Add(new(t.At, t.Action == TrailAction.ModelTrained ? "trained" : "registered", t.Actor, Sentence(t.After), models));
                    break;
                case TrailAction.Promoted when mine:
                    events.Add(new(t.At, "promoted", t.Actor, $"Promoted: {t.After} (before: {t.Before})", models));
                    break;
                case TrailAction.Promoted:
                    events.Add(new(t.At, "replaced", t.Actor, $"Replaced as champion: {t.After}", models));
                    break;
                case TrailAction.PromotionRefused when mine:
                    events.Add(new(t.At, "promotion-refused", t.Actor, $"Promotion refused by the release gates: {t.After}", $"/products/{productId}/gates"));
                    break;
                case TrailAction.Waived when mine:
                    events.Add(new(t.At, "waived", t.Actor, $"Failing release gates waived: {t.After}", $"/products/{productId}/gates"));
                    break;
                case TrailAction.ChallengerMarked when mine:
                    events.Add(new(t.At, "challenger-marked", t.Actor, "Marked as challenger: scored beside the champion on each new batch", models));
                    break;
                case TrailAction.ChallengerUnmarked when mine:
                    events.Add(new(t.At, "challenger-unmarked", t.Actor, "No longer a challenger: shadow scoring stopped", models));
                    break;
                case TrailAction.RolledBack when mine:
                    events.Add(new(t.At, "rolled-back", t.Actor, $"Rolled back and retired: {t.After}", models));
                    break;
                case TrailAction.RolledBack:
                    events.Add(new(t.At, "restored", t.Actor, $"Restored as champion by a rollback of {t.Subject}", models));
                    break;
            }
        }
        if (!created)
        {
            events.Add(new(version.CreatedAt, version.Source == ModelSource.TrainedInApp ? "trained" : "registered", "unknown",
                version.Source == ModelSource.TrainedInApp
                    ? $"{version.Trainer} trained on {version.TrainingRows:N0} rows (recorded before the trail kept who)"
                    : $"Uploaded model '{version.FileName}' registered (recorded before the trail kept who)", models));
        }

        var evaluations = await db.GateEvaluations.AsNoTracking()
            .Where(e => e.ProductId == productId && e.ModelVersionId == version.Id && e.BatchId == null)
            .Select(e => new { e.EvaluatedAt, e.Status, e.Description }).ToListAsync(ct);
        foreach (var run in evaluations.GroupBy(e => e.EvaluatedAt).OrderBy(g => g.Key))
        {
            var failed = run.Where(e => e.Status == GateStatus.Failed).Select(e => e.Description).ToList();
            var warned = run.Count(e => e.Status == GateStatus.Warning);
            var passed = run.Count(e => e.Status == GateStatus.Passed);
            events.Add(new(run.Key, "release-evaluated", "system",
                $"Release gates evaluated: {passed} passed, {warned} warned, {failed.Count} failed{(failed.Count > 0 ? " (" + string.Join("; ", failed) + ")" : "")}",
                $"/products/{productId}/gates"));
        }

        var experiments = await db.Experiments.AsNoTracking()
            .Where(e => e.ProductId == productId && (e.ChampionVersionId == version.Id || e.ChallengerVersionId == version.Id)).ToListAsync(ct);
        foreach (var e in experiments)
        {
            var role = e.ChallengerVersionId == version.Id ? "challenger" : "champion";
            var link = $"/products/{productId}/experiments";
            events.Add(new(e.StartedAt, "experiment-started", e.StartedBy,
                $"A/B test '{e.Name}' started with this version as the {role} ({e.ChallengerShare:P0} of rows to the challenger, primary metric {Analysis.Gates.MetricCatalog.NameOf(e.PrimaryMetric)})", link));
            if (e.Decision is { } decision && e.DecidedAt is { } decidedAt)
                events.Add(new(decidedAt, "experiment-decided", e.DecidedBy ?? "unknown", $"A/B test '{e.Name}' decided: {decision}{Tail(e.DecisionReason)}", link));
            else if (e.StoppedAt is { } stoppedAt)
                events.Add(new(stoppedAt, "experiment-stopped", "system", $"A/B test '{e.Name}' stopped{Tail(e.DecisionReason)}", link));
        }

        var scored = db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.ModelVersionId == version.Id);
        var count = await scored.CountAsync(ct);
        var rows = count == 0 ? 0 : await scored.SumAsync(b => (long)b.RowCount, ct);
        var first = await scored.OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id).Select(b => new { b.Id, b.Number, b.ReceivedAt }).FirstOrDefaultAsync(ct);
        var last = await scored.OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id).Select(b => new { b.Id, b.Number, b.ReceivedAt }).FirstOrDefaultAsync(ct);
        if (first is not null)
            events.Add(new(first.ReceivedAt, "first-batch", "system", $"First production batch scored as champion: {BatchLabel.Of(first.Number)}", $"/batches/{first.Id}"));
        if (last is not null && last.Id != first?.Id)
            events.Add(new(last.ReceivedAt, "latest-batch", "system", $"Latest production batch scored as champion: {BatchLabel.Of(last.Number)} ({count:N0} batches, {rows:N0} rows in all)", $"/batches/{last.Id}"));

        var shadow = db.MetricRuns.AsNoTracking().Where(r => r.ProductId == productId && r.ModelVersionId == version.Id && r.Kind == ShadowHistory.ScoringRunKind && r.BatchId != null);
        var shadowCount = await shadow.CountAsync(ct);
        var shadowRows = shadowCount == 0 ? 0 : await db.ShadowPredictions.LongCountAsync(p => p.ModelVersionId == version.Id, ct);
        var firstShadow = await shadow.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new { Id = r.BatchId!.Value, r.At, Number = db.Batches.Where(b => b.Id == r.BatchId).Select(b => b.Number).First() }).FirstOrDefaultAsync(ct);
        var lastShadow = await shadow.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => new { Id = r.BatchId!.Value, r.At, Number = db.Batches.Where(b => b.Id == r.BatchId).Select(b => b.Number).First() }).FirstOrDefaultAsync(ct);
        if (firstShadow is not null)
            events.Add(new(firstShadow.At, "first-shadow-batch", "system", $"First production batch scored as challenger: {BatchLabel.Of(firstShadow.Number)}", $"/batches/{firstShadow.Id}"));
        if (lastShadow is not null && lastShadow.Id != firstShadow?.Id)
            events.Add(new(lastShadow.At, "latest-shadow-batch", "system",
                $"Latest production batch scored as challenger: {BatchLabel.Of(lastShadow.Number)} ({shadowCount:N0} batches, {shadowRows:N0} rows in all)", $"/batches/{lastShadow.Id}"));

        var waiver = await ActiveWaivers.OfVersionAsync(db, productId, version.Id, clock.GetUtcNow().UtcDateTime, ct);
        return new ModelLineage(product.Id, product.Name, version.Number, version.Source, version.Trainer, version.Status, version.CreatedAt, version.PromotedAt,
            version.TrainingRows, version.HoldoutRows, version.TrainingSeconds, version.FileName, version.FileHash, version.FileSizeBytes,
            version.ReferenceFileHash, version.HoldoutMetrics, version.Notes,
            new LineageBatches(count, rows, first?.Id, first?.ReceivedAt, last?.Id, last?.ReceivedAt),
            [.. events.OrderBy(e => e.At).ThenBy(e => e.Kind, StringComparer.Ordinal)])
        {
            AsChallenger = new LineageBatches(shadowCount, shadowRows, firstShadow?.Id, firstShadow?.At, lastShadow?.Id, lastShadow?.At),
            Parameters = version.Parameters, Features = version.Features, TrainingFrom = version.TrainingFrom, TrainingTo = version.TrainingTo,
            ReleaseStatus = version.ReleaseStatus, ReleaseEvaluatedAt = version.ReleaseEvaluatedAt,
            Waiver = version.ReleaseStatus is GateStatus.Failed or GateStatus.Error ? waiver : null,
        };
    }

    /// <summary>The events as CSV (at, kind, actor, text, link), oldest first.</summary>
    public static string ToCsv(ModelLineage lineage) => CsvExport.Write(CsvColumns, lineage.Events, (csv, e) =>
        csv.Time(e.At, CsvExportWriter.UtcSeconds).Text(e.Kind).Text(e.Actor).Text(e.Text).Text(e.Link));

    private static string Sentence(string? text) => string.IsNullOrEmpty(text) ? "" : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string Tail(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $": {text}";
}
