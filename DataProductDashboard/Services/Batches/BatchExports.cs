using DataProductDashboard.Data;
using DataProductDashboard.Services.Exports;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Batches;

/// <summary>Exports of a stored batch.</summary>
public sealed class BatchExports(IDbContextFactory<DashboardDbContext> dbFactory, BatchQueries queries)
{
    private static readonly string[] PredictionColumns = ["row_index", "row_key", "predicted", "score", "label"];

    /// <summary>Streams all predictions of a batch as CSV.</summary>
    public async Task WritePredictionsCsvAsync(int batchId, Stream output, CancellationToken ct)
    {
        (await queries.GetSummaryAsync(batchId, ct)).ThrowIfRowsPurged();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var predictions = db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex).AsAsyncEnumerable();
        await CsvExport.WriteAsync(output, PredictionColumns, predictions, static (csv, p) => csv
            .Number(p.RowIndex).Text(p.RowKey).Number(p.Predicted).Number(p.Score).Number(p.Label), ct);
    }

}
