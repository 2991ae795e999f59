using System.Globalization;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Models;

/// <summary>A product's evaluation set: one labelled CSV (the schema's columns and the label), registered once, kept
/// content-addressed, on which every model version can be compared (<see cref="ModelComparisonService"/>).</summary>
public sealed class EvaluationSetService(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, AuditTrail trail, TimeProvider clock,
    Notifications.ProductEvents events)
{
    public async Task<EvaluationSetInfo?> GetAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        return Info(product);
    }

    /// <summary>Checks the file as training data (every column, the label present), requires labelled rows, stores it
    /// and makes it the product's evaluation set; a bad file stores nothing and names the row and column.</summary>
    public async Task<EvaluationSetInfo> SetAsync(int productId, ReadOnlyMemory<byte> csv, string fileName, Actor by, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        Products.ProductWrites.EnsureActive(product);
        var label = product.Schema.Label ?? throw new ConflictException($"'{product.Name}' has no label column, so there is nothing to evaluate against.");
        var parsed = await Task.Run(() => CsvBatchReader.Read(csv, fileName, product.Schema, CsvReadMode.Training, ProductTimeZone.Of(product.TimeZone), ct), ct);
        var labelled = Labels.LabelService.LabelValues(parsed, label, product.Task, product.Schema.PositiveClass).Count(v => !double.IsNaN(v));
        if (labelled == 0)
            throw new InputValidationException($"column '{label.Name}'", $"'{Path.GetFileName(fileName)}' has no labelled row: every '{label.Name}' cell is missing.");
        var file = await store.SaveAsync(ContentStore.Reference, csv, ".csv", ct);
        var before = Info(product);
        product.EvaluationSetHash = file.Hash;
        product.EvaluationSetFileName = Path.GetFileName(fileName);
        product.EvaluationSetRows = labelled;
        product.EvaluationSetAt = clock.GetUtcNow().UtcDateTime;
        trail.Record(db, productId, by, TrailAction.EvaluationSetChanged, "evaluation set", before?.Describe(), Info(product)!.Describe());
        await db.SaveChangesAsync(ct);
        events.Publish(productId);
        return Info(product)!;
    }

    /// <summary>Removes the evaluation set (the file stays while anything else uses it; comparisons go back to production rows).</summary>
    public async Task ClearAsync(int productId, Actor by, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        Products.ProductWrites.EnsureActive(product);
        if (Info(product) is not { } before)
            throw new NotFoundException($"'{product.Name}' has no evaluation set.");
        (product.EvaluationSetHash, product.EvaluationSetFileName, product.EvaluationSetRows, product.EvaluationSetAt) = (null, null, null, null);
        trail.Record(db, productId, by, TrailAction.EvaluationSetChanged, "evaluation set", before.Describe(), "none");
        await db.SaveChangesAsync(ct);
        events.Publish(productId);
    }

    /// <summary>The evaluation set read back: its table, labels (NaN where missing) and row keys (the row-key column, or
    /// "row N" with N the file's line).</summary>
    public async Task<(ColumnTable Table, double[] Labels, string[] Keys)> LoadAsync(Data.Entities.DataProduct product, CancellationToken ct)
    {
        var path = await store.LocalCopyAsync(ContentStore.Reference, product.EvaluationSetHash ?? throw new ConflictException($"'{product.Name}' has no evaluation set."), ".csv", ct)
            ?? throw new GoneException($"The evaluation set file of '{product.Name}' ({product.EvaluationSetFileName}) is no longer stored; register it again.");
        var parsed = await Task.Run(() => CsvBatchReader.ReadFile(path, product.EvaluationSetFileName ?? "evaluation.csv", product.Schema, CsvReadMode.Training,
            ProductTimeZone.Of(product.TimeZone), ct), ct);
        var labels = Labels.LabelService.LabelValues(parsed, product.Schema.Label!, product.Task, product.Schema.PositiveClass);
        var keys = parsed.HasKeyColumn ? parsed.RowKeys : [.. Enumerable.Range(2, parsed.RowCount).Select(line => string.Create(CultureInfo.InvariantCulture, $"row {line}"))];
        return (parsed.Table, labels, keys);
    }

    private static EvaluationSetInfo? Info(Data.Entities.DataProduct product) => EvaluationSetInfo.Of(product);
}

/// <param name="LabelledRows">Rows of the file with a label: the rows versions are compared on.</param>
public sealed record EvaluationSetInfo(string FileName, string FileHash, int LabelledRows, DateTime RegisteredAt)
{
    /// <summary>The evaluation set of <paramref name="product"/>, or null when it has none.</summary>
    public static EvaluationSetInfo? Of(Data.Entities.DataProduct product) => product.EvaluationSetHash is { } hash
        ? new EvaluationSetInfo(product.EvaluationSetFileName ?? "", hash, product.EvaluationSetRows ?? 0, product.EvaluationSetAt ?? default)
        : null;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"'{FileName}' ({LabelledRows:N0} labelled rows, {FileHash[..Math.Min(12, FileHash.Length)]})");
}
