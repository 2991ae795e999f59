using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Fairness;

/// <summary>Answers "who does the model treat differently?" for a binary product: sums the stored group cells of the
/// chosen batches (every batch, a receipt-time range, or one batch) and analyses the labelled rows of each group.</summary>
public sealed class FairnessService(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public const int MaxMinSupport = 1_000_000;

    /// <param name="attribute">A segment attribute; "A × B" (or <paramref name="crossWith"/>) crosses two.</param>
    public async Task<FairnessReport> GetAsync(int productId, string? attribute, DateTime? from, DateTime? to, int? batchId, CancellationToken ct,
        string? crossWith = null, int minSupport = FairnessAnalyzer.DefaultMinSupport)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var attributes = SegmentAttributes.Of(product.Schema);
        if (product.Task != TaskType.BinaryClassification)
            throw new ConflictException($"'{product.Name}' is a {product.Task} product; the fairness metrics (selection, true- and false-positive rates) are defined for binary classification. Its segments are measured on the behavior page.");
        if (attributes.Count == 0)
            throw new ConflictException($"'{product.Name}' has no segment attributes: mark a categorical column as a segment (role Segment, or isSegment on a feature) in its schema to measure fairness.");
        var (first, second) = Attributes(attribute, crossWith, attributes);
        if (minSupport is < 1 or > MaxMinSupport)
            throw new InputValidationException("minSupport", $"The minimum support must be between 1 and {MaxMinSupport:N0}; got {minSupport}.");
        if (from is { } f && to is { } t && f > t)
            throw new InputValidationException("from", $"'from' ({f:o}) is after 'to' ({t:o}).");
        int? batchNumber = null;
        if (batchId is { } id)
        {
            batchNumber = await db.Batches.Where(b => b.Id == id && b.ProductId == productId).Select(b => (int?)b.Number).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Batch {id} is not a batch of product {productId}.");
        }

        var cells = await GroupCellStore.ReadAsync(db, productId, from, to, batchId, ct);
        var name = second is null ? first : FairnessAnalyzer.Cross(first, second);
        var result = FairnessAnalyzer.Analyze(name, GroupCellStore.Groups(cells, first, second), minSupport);
        // Labelled rows without a value of the attribute: batches stored before it was a segment (with cells, or with
        // none when the product had no segment then). Counted from the batches' own labelled rows, not from predictions.
        var batches = db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed);
        if (batchId is { } only)
            batches = batches.Where(b => b.Id == only);
        if (from is { } start)
            batches = batches.Where(b => b.ReceivedAt >= start);
        if (to is { } end)
            batches = batches.Where(b => b.ReceivedAt <= end);
        var unmeasured = Math.Max(0, await batches.SumAsync(b => (long)b.LabelledRows, ct) - result.Rows);
        var positive = ClassNames.For(product.Schema).Positive;
        return new FairnessReport(productId, name, result.Groups, result.Metrics, FairnessAnalyzer.Sentence(result, positive), result.Rows,
            minSupport, result.Resamples, result.Seed, positive, attributes, from, to, batchId) { UnmeasuredRows = unmeasured, BatchNumber = batchNumber };
    }

    /// <summary>The attribute (and the one crossed with it) named by the query, each a segment attribute of the product.</summary>
    private static (string First, string? Second) Attributes(string? attribute, string? crossWith, IReadOnlyList<string> attributes)
    {
        if (string.IsNullOrWhiteSpace(attribute))
            throw new InputValidationException("attribute", $"Name the attribute to judge: one of {List(attributes)}.");
        var parts = attribute.Split(" × ", StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || (parts.Length == 2 && !string.IsNullOrWhiteSpace(crossWith)))
            throw new InputValidationException("attribute", "At most two attributes can be crossed: 'A × B', or attribute=A with crossWith=B.");
        var first = parts[0];
        var second = parts.Length == 2 ? parts[1] : string.IsNullOrWhiteSpace(crossWith) ? null : crossWith.Trim();
        foreach (var (field, value) in new[] { ("attribute", first), ("crossWith", second) })
        {
            if (value is not null && !attributes.Contains(value))
                throw new InputValidationException(field, $"'{value}' is not a segment attribute of the product; segment attributes: {List(attributes)}.");
        }
        if (second == first)
            throw new InputValidationException("crossWith", $"'{first}' cannot be crossed with itself.");
        return (first, second);
    }

    private static string List(IReadOnlyList<string> attributes) => string.Join(", ", attributes.Select(a => $"'{a}'"));
}
