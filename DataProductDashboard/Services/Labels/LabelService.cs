using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.FollowUps;
using DataProductDashboard.Services.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Labels;

/// <summary>True labels that arrive after scoring: a CSV of row key + label joins the stored predictions by row key,
/// then performance and concept drift of the affected batches are recomputed, all in one transaction with the record
/// of the follow-up (gates, label-based KPIs), which runs right after.</summary>
public sealed class LabelService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    PerformanceService performance,
    FollowUpRunner followUps,
    ProductEvents events,
    TimeProvider clock,
    ILogger<LabelService> logger)
{
    public async Task<LabelUploadResult> UploadAsync(int productId, ReadOnlyMemory<byte> csv, string fileName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        // Without a row-key column the rows were numbered "batch:row" when scored; the label file keys them so.
        var key = product.Schema.RowKey ?? new ColumnSpec(Batches.GeneratedKeys.ColumnName, ColumnKind.Id, ColumnRole.RowKey);
        var label = product.Schema.Label ?? throw new ConflictException($"'{product.Name}' has no label column.");
        // The product's missing-value markers apply here as everywhere ('NA' in a nullable label is a missing label).
        var schema = new ProductSchema([key with { Role = ColumnRole.RowKey }, label], product.Schema.PositiveClass, product.Schema.MissingMarkers);
        var parsed = CsvBatchReader.Read(csv, fileName, schema, CsvReadMode.Batch, ProductTimeZone.Of(product.TimeZone), ct);
        if (!parsed.HasLabels)
            throw new InputValidationException($"column '{label.Name}'", $"The label column '{label.Name}' is missing: a label file has the columns '{key.Name}' and '{label.Name}'.");
        var values = LabelValues(parsed, label, product.Task, product.Schema.PositiveClass);

        var errors = new CsvErrorCollector();
        var firstRow = new Dictionary<string, int>(parsed.RowCount, StringComparer.Ordinal);
        var rows = new List<(int Row, string Key, double Label)>(parsed.RowCount);
        for (var i = 0; i < parsed.RowCount; i++)
        {
            if (firstRow.TryAdd(parsed.RowKeys[i], i + 2))
                rows.Add((i + 2, parsed.RowKeys[i], values[i]));
            else
                errors.AddCell(i + 2, key.Name, $"row key '{parsed.RowKeys[i]}' appears again (first on row {firstRow[parsed.RowKeys[i]]})");
        }

        var labelledAt = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Each key is looked up and labelled in one statement; a file with an unknown key is rolled back whole. A row
        // whose label is missing (empty or a marker) labels nothing: it neither counts nor erases an earlier label.
        var join = PredictionWriter.JoinLabels(db.Database.GetDbConnection(), productId, rows, labelledAt, CsvErrorCollector.DefaultLimit, ct);
        if (join.MissingRows.Count > 0)
        {
            var purgedHint = await PurgedHintAsync(db, product, ct);
            foreach (var row in join.MissingRows)
                errors.AddCell(row, key.Name, $"no prediction of this product has row key '{parsed.RowKeys[row - 2]}'{purgedHint}");
        }
        if (errors.HasErrors)
            throw new InputValidationException(errors.Summary(fileName), errors.ToDictionary());
        var affected = join.Batches;
        await performance.RecomputeAsync(db, productId, affected, ct);
        // Gates of the labelled batches and label-based KPIs follow the commit; recorded with it, so a crash in
        // between is repaired at the next start.
        var followUp = FollowUpRecorder.Record(db, productId, FollowUpKind.LabelsJoined, affected, labelledAt);
        await db.SaveChangesAsync(ct);
        await db.Batches.Where(b => affected.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.FollowUpPending, true), ct);
        var numbers = await db.Batches.AsNoTracking().Where(b => affected.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Labels for product {ProductId}: {Rows} rows joined {Predictions} predictions in {Batches} batches",
            productId, parsed.RowCount, join.Predictions, affected.Count);
        await followUps.RunAsync(followUp.Id);
        events.Publish(productId);
        return new LabelUploadResult(parsed.RowCount, join.Predictions, affected) { BatchNumbers = [.. affected.Select(id => numbers.GetValueOrDefault(id))] };
    }

    /// <summary>Why a key may not be found any more: the retention setting removed older batches' rows (empty when it
    /// removed none).</summary>
    private static async Task<string> PurgedHintAsync(DashboardDbContext db, Data.Entities.DataProduct product, CancellationToken ct)
    {
        var purged = await db.Batches.AsNoTracking().Where(b => b.ProductId == product.Id && b.RowsPurgedAt != null)
            .OrderByDescending(b => b.RowsPurgedAt).Select(b => new { b.Id, b.RowsPurgedAt }).ToListAsync(ct);
        if (purged.Count == 0)
            return "";
        return $" (or its batch's rows were removed by the retention setting of {product.RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} days: "
            + $"{purged.Count} batch{(purged.Count == 1 ? "" : "es")}, the latest on {purged[0].RowsPurgedAt:yyyy-MM-dd} UTC; labels can no longer join them)";
    }

    /// <summary>The labels of a file as stored: regression values, 1 for the positive class and 0 for the other, or a
    /// multiclass label's class index;
    /// a missing label is NaN.</summary>
    public static double[] LabelValues(ParsedCsv parsed, ColumnSpec label, TaskType task, string? positiveClass)
    {
        if (task == TaskType.MulticlassClassification)
            return LabelCodes.Multiclass(parsed.Table, label.Name, label.AllowedValues ?? []);
        if (parsed.Table.TryGetNumeric(label.Name, out var numbers))
        {
            if (task == TaskType.Regression)
                return numbers;
            var positive = double.Parse(positiveClass ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            return numbers.Select(v => double.IsNaN(v) ? double.NaN : v == positive ? 1.0 : 0.0).ToArray();
        }
        // A missing label stays missing (NaN), never the negative class.
        return parsed.Table.Strings(label.Name).Select(v => v is null ? double.NaN : v == positiveClass ? 1.0 : 0.0).ToArray();
    }
}
