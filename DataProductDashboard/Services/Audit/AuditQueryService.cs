using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Storage;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Audit;

/// <summary>Reads the audit history: metric series (one indexed query each), release markers, latest health.</summary>
public sealed class AuditQueryService(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, ReferenceProfileStore profiles)
{
    /// <summary>Reference vs current distribution of a feature (or "prediction") of a batch, as its audit stored it;
    /// a batch audited before the audit stored distributions has its current values read back from its file (or its
    /// stored predictions) instead.</summary>
    public async Task<ColumnDistribution> GetColumnDistributionAsync(int batchId, string column, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.FileHash, b.FileName, b.ProductId, ModelHash = b.ModelVersion!.FileHash, b.RowsPurgedAt }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Batch", batchId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        if (column != DriftDetector.PredictionColumn && product.Schema.Find(column) is not { IsFeature: true })
            throw new InputValidationException("column", $"'{column}' is not a feature of '{product.Name}'; use one of {string.Join(", ", product.Schema.Features.Select(f => f.Name))} or '{DriftDetector.PredictionColumn}'.");
        var stored = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == BatchImporter.DistributionsRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        if (stored is not null)
        {
            return JsonSerializer.Deserialize<List<ColumnDistribution>>(stored, JsonValueConverter.Options)?.Find(d => d.Column == column)
                ?? throw new ConflictException($"'{column}' of batch {batchId} was not tested for drift (no values in the batch or none in the reference), so there is no distribution to compare.");
        }
        var reference = await profiles.GetAsync(batch.ModelHash, ct)
            ?? throw new ConflictException("The model version of this batch has no reference data, so there is nothing to compare with.");
        ColumnPair pair;
        if (column == DriftDetector.PredictionColumn)
        {
            var predicted = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId)
                .Select(p => p.Score ?? p.Predicted).ToArrayAsync(ct);
            pair = ColumnPair.Numeric(column, reference.Predictions, NumericSample.From(predicted));
        }
        else
        {
            Products.RowsGone.ThrowIfPurged(batchId, batch.RowsPurgedAt);
            var path = await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct)
                ?? throw new GoneException($"Batch {batchId}'s stored file is gone; its column '{column}' cannot be read again.");
            var table = (await Task.Run(() => CsvBatchReader.ReadFile(path, batch.FileName, product.Schema, CsvReadMode.Batch, Domain.ProductTimeZone.Of(product.TimeZone), ct), ct)).Table;
            pair = table.TryGetNumeric(column, out var numbers) && reference.Numeric(column) is { } r
                ? ColumnPair.Numeric(column, r, NumericSample.From(numbers))
                : ColumnPair.Categorical(column, reference.Categories(column) ?? CategoryCounts.From([]), CategoryCounts.From(table.Strings(column)));
        }
        return ColumnDistribution.Of(pair);
    }

    /// <summary>The points of a metric key, oldest first: every model version's (the champion's and the challengers'
    /// shadow points), or one version's with <paramref name="modelVersion"/>; <paramref name="includeShadow"/> false
    /// keeps the batches' own points only.</summary>
    public async Task<IReadOnlyList<MetricSeriesPoint>> GetSeriesAsync(int productId, string key, string? column, string? segment,
        DateTime? from, DateTime? to, CancellationToken ct, int? modelVersion = null, bool includeShadow = true)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new InputValidationException("key", "A metric key is required, e.g. drift.share or dq.missing_share.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var query = db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId && p.MetricKey == key);
        if (column is not null)
            query = query.Where(p => p.Column == column);
        // No segment: the whole batch's points only (an A/B arm's points carry the same keys with a segment).
        query = segment is null ? query.Where(p => p.Segment == null) : query.Where(p => p.Segment == segment);
        if (!includeShadow)
            query = query.Where(p => !p.Shadow);
        if (modelVersion is { } number)
        {
            var versionId = await db.ModelVersions.Where(v => v.ProductId == productId && v.Number == number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
                ?? throw NotFoundException.ModelVersion(productId, number);
            query = query.Where(p => p.ModelVersionId == versionId);
        }
        if (from is { } f)
            query = query.Where(p => p.At >= f);
        if (to is { } t)
            query = query.Where(p => p.At <= t);
        var points = await query.OrderBy(p => p.At).ThenBy(p => p.Id)
            .Select(p => new MetricSeriesPoint(p.At, p.Value, p.BatchId,
                db.ModelVersions.Where(v => v.Id == p.ModelVersionId).Select(v => (int?)v.Number).FirstOrDefault(), p.Column, p.Segment, p.Shadow))
            .ToListAsync(ct);
        // Segment values are case-sensitive: "sex=female" where the data only ever said "Female" is named rather than
        // answered empty (an empty range of a segment that exists stays an empty answer).
        if (points.Count == 0 && segment is not null)
        {
            var keyed = db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId && p.MetricKey == key && p.Segment != null);
            if (!await keyed.AnyAsync(p => p.Segment == segment, ct)
                && await keyed.Where(p => p.Segment!.ToLower() == segment.ToLower() && p.Segment != segment).Select(p => p.Segment).FirstOrDefaultAsync(ct) is { } cased)
                throw new InputValidationException("segment", $"No '{key}' points for segment '{segment}'; segment values are case-sensitive: did you mean '{cased}'?");
        }
        return points;
    }

    /// <summary>The metric keys (and columns) a product has history for.</summary>
    public async Task<IReadOnlyList<string>> GetKeysAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        return await db.MetricPoints.AsNoTracking().Where(p => p.ProductId == productId).Select(p => p.MetricKey).Distinct().OrderBy(k => k).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ReleaseMarker>> GetReleasesAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        return await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId && v.PromotedAt != null)
            .OrderBy(v => v.PromotedAt).Select(v => new ReleaseMarker(v.Number, v.PromotedAt!.Value, v.Trainer)).ToListAsync(ct);
    }

    /// <summary>Traffic lights from the newest audited batch.</summary>
    public async Task<AuditHealth> GetHealthAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureProductAsync(db, productId, ct);
        var json = await db.MetricRuns.AsNoTracking().Where(r => r.ProductId == productId && r.Kind == BatchImporter.AuditRunKind)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var performanceJson = await db.MetricRuns.AsNoTracking().Where(r => r.ProductId == productId && r.Kind == PerformanceService.RunKind)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var health = json is null ? AuditHealth.Unknown : AuditHealth.Of(JsonSerializer.Deserialize<AuditResult>(json, JsonValueConverter.Options)!);
        return performanceJson is null ? health
            : health.WithBehavior(JsonSerializer.Deserialize<Analysis.Performance.PerformanceResult>(performanceJson, JsonValueConverter.Options)!);
    }

    private static async Task EnsureProductAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
    }
}
