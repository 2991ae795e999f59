using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Batches;

/// <summary>Reads of stored batches: lists, summaries, the detail page's audit, predictions.</summary>
public sealed class BatchQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public Task<PagedResult<BatchSummary>> ListAsync(int productId, int page, int pageSize, BatchSort sort, bool descending, CancellationToken ct) =>
        ListAsync(productId, page, pageSize, sort, descending, fileNameContains: null, ct);

    /// <summary>A page of a product's batches, optionally only those whose file name contains <paramref name="fileNameContains"/>
    /// (case-insensitive for ASCII); <see cref="PagedResult{T}.TotalCount"/> counts the filtered batches.</summary>
    public async Task<PagedResult<BatchSummary>> ListAsync(int productId, int page, int pageSize, BatchSort sort, bool descending,
        string? fileNameContains, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        Paging.Batches.Check(page, pageSize);
        var query = db.Batches.AsNoTracking().Where(b => b.ProductId == productId);
        if (!string.IsNullOrWhiteSpace(fileNameContains))
        {
            // Case-insensitive on every provider (SQLite's LIKE ignores ASCII case, PostgreSQL's does not): both sides lower-cased.
            var pattern = "%" + fileNameContains.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(b => EF.Functions.Like(b.FileName.ToLower(), pattern, "\\"));
        }
        var total = await query.CountAsync(ct);
        var ordered = (sort, descending) switch
        {
            (BatchSort.FileName, false) => query.OrderBy(b => b.FileName).ThenBy(b => b.Id),
            (BatchSort.FileName, true) => query.OrderByDescending(b => b.FileName).ThenByDescending(b => b.Id),
            (BatchSort.Rows, false) => query.OrderBy(b => b.RowCount).ThenBy(b => b.Id),
            (BatchSort.Rows, true) => query.OrderByDescending(b => b.RowCount).ThenByDescending(b => b.Id),
            (BatchSort.ModelVersion, false) => query.OrderBy(b => b.ModelVersion!.Number).ThenBy(b => b.Id),
            (BatchSort.ModelVersion, true) => query.OrderByDescending(b => b.ModelVersion!.Number).ThenByDescending(b => b.Id),
            (BatchSort.ScoringSeconds, false) => query.OrderBy(b => b.ScoringSeconds).ThenBy(b => b.Id),
            (BatchSort.ScoringSeconds, true) => query.OrderByDescending(b => b.ScoringSeconds).ThenByDescending(b => b.Id),
            (BatchSort.LatencyP95, false) => query.OrderBy(b => b.LatencyP95Micros).ThenBy(b => b.Id),
            (BatchSort.LatencyP95, true) => query.OrderByDescending(b => b.LatencyP95Micros).ThenByDescending(b => b.Id),
            (BatchSort.PredictionMean, false) => query.OrderBy(b => b.PredictionMean).ThenBy(b => b.Id),
            (BatchSort.PredictionMean, true) => query.OrderByDescending(b => b.PredictionMean).ThenByDescending(b => b.Id),
            (_, false) => query.OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id),
            _ => query.OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id),
        };
        var items = await Project(ordered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedResult<BatchSummary>(items, total);
    }

    public async Task<BatchSummary> GetSummaryAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Batches.AsNoTracking().Where(b => b.Id == batchId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Batch", batchId);
    }

    public async Task<BatchDetail> GetDetailAsync(int batchId, CancellationToken ct)
    {
        var summary = await GetSummaryAsync(batchId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == summary.ProductId)
            .Select(p => new { p.Name, p.Task, p.Schema }).FirstAsync(ct);
        var json = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == BatchImporter.ScoringRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var profile = json is null ? null : JsonSerializer.Deserialize<PredictionProfile>(json, JsonValueConverter.Options);
        var auditJson = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == BatchImporter.AuditRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var audit = auditJson is null ? null : JsonSerializer.Deserialize<AuditResult>(auditJson, JsonValueConverter.Options);
        var performanceJson = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == PerformanceService.RunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var result = performanceJson is null ? null : JsonSerializer.Deserialize<Analysis.Performance.PerformanceResult>(performanceJson, JsonValueConverter.Options);
        var gateRows = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId == batchId).Select(e => new { e, e.GateRule }).ToListAsync(ct);
        var gates = gateRows.Select(r => GateService.ToView(r.e, r.GateRule!) with { BatchNumber = summary.Number })
            .OrderByDescending(v => Analysis.Gates.GateEvaluator.Rank(v.Status)).ThenBy(v => v.GateRuleId).ToList();
        return new BatchDetail(summary, product.Name, product.Task, product.Schema.PositiveClass, profile, audit, result,
            gates, Analysis.Gates.GateEvaluator.Worst(gates.Select(g => g.Status)))
        {
            Classes = ClassNames.For(product.Task, product.Schema),
        };
    }

    public async Task<PagedResult<PredictionRow>> GetPredictionsAsync(int batchId, int page, int pageSize, CancellationToken ct)
    {
        Paging.Predictions.Check(page, pageSize);
        var summary = await GetSummaryAsync(batchId, ct);
        summary.ThrowIfRowsPurged();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classes = await ClassReaderAsync(db, summary.ProductId, ct);
        var items = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PredictionRow(p.RowIndex, p.RowKey, p.Predicted, p.Score, p.Label, null, null)).ToListAsync(ct);
        if (classes is not null)
            items = items.Select(p => p with { PredictedClass = classes(p.Predicted), LabelClass = classes(p.Label) }).ToList();
        return new PagedResult<PredictionRow>(items, summary.RowCount);
    }

    /// <summary>The class names of a binary product (null for other tasks).</summary>
    public async Task<ClassNames?> ClassesAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ClassesAsync(db, productId, ct);
    }

    /// <summary>How the product's stored predictions and labels read as classes (null for regression).</summary>
    public async Task<Func<double?, string?>?> ClassReaderAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ClassReaderAsync(db, productId, ct);
    }

    private static async Task<Func<double?, string?>?> ClassReaderAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Task, p.Schema }).FirstOrDefaultAsync(ct);
        return product is null ? null : ClassNames.Reader(product.Task, product.Schema);
    }

    private static async Task<ClassNames?> ClassesAsync(DashboardDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Task, p.Schema }).FirstOrDefaultAsync(ct);
        return product is null ? null : ClassNames.For(product.Task, product.Schema);
    }

    private static IQueryable<BatchSummary> Project(IQueryable<Batch> batches) => batches.Select(b => new BatchSummary(
        b.Id, b.ProductId, b.ModelVersionId, b.ModelVersion!.Number, b.Source, b.FileName, b.FileHash, b.FileSizeBytes,
        b.ReceivedAt, b.RowCount, b.Status, b.ParseSeconds, b.ScoringSeconds, b.StoreSeconds,
        b.LatencyP50Micros, b.LatencyP95Micros, b.LatencyP99Micros, b.EventTimeFrom, b.EventTimeTo, b.PredictionMean, b.LabelledRows)
    {
        Number = b.Number,
        FollowUp = b.FollowUpPending ? BatchSummary.FollowUpPending : BatchSummary.FollowUpDone,
        Backfill = b.Backfill,
        UploadedAt = b.UploadedAt,
        SchemaVersion = b.SchemaVersion,
        RowsPurgedAt = b.RowsPurgedAt,
    });
}
