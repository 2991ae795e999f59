using DataProductDashboard.Data;
using DataProductDashboard.Services.Exports;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Batches;

/// <summary>Exports of a stored batch.</summary>
public sealed class BatchExports(IDbContextFactory<DashboardDbContext> dbFactory, BatchQueries queries)
{
    /// <summary>The columns of the predictions export; binary products add the class names of the 0/1 values.</summary>
    public static readonly string[] PredictionColumns = ["row_index", "row_key", "predicted", "score", "label"];

    /// <summary>The columns of a binary product's predictions export: the numbers as stored, then their class names.</summary>
    public static readonly string[] BinaryPredictionColumns = [.. PredictionColumns, "predicted_class", "label_class"];

    /// <summary>Streams all predictions of a batch as CSV; a binary product's rows also name the predicted and the true
    /// class (empty until the label arrives).</summary>
    public async Task WritePredictionsCsvAsync(int batchId, Stream output, CancellationToken ct)
    {
        var summary = await queries.GetSummaryAsync(batchId, ct);
        summary.ThrowIfRowsPurged();
        var classes = await queries.ClassReaderAsync(summary.ProductId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var predictions = db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex).AsAsyncEnumerable();
        if (classes is null)
        {
            await CsvExport.WriteAsync(output, PredictionColumns, predictions, static (csv, p) => csv
                .Number(p.RowIndex).Text(p.RowKey).Number(p.Predicted).Number(p.Score).Number(p.Label), ct);
            return;
        }
        await CsvExport.WriteAsync(output, BinaryPredictionColumns, predictions, (csv, p) => csv
            .Number(p.RowIndex).Text(p.RowKey).Number(p.Predicted).Number(p.Score).Number(p.Label)
            .Text(classes(p.Predicted)).Text(classes(p.Label)), ct);
    }

}
