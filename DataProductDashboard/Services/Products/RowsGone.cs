using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Products;

/// <summary>What work that needs a batch's rows says when the retention setting has removed them.</summary>
public static class RowsGone
{
    public static void ThrowIfPurged(Batch batch) => ThrowIfPurged(batch.Id, batch.RowsPurgedAt);

    public static void ThrowIfPurged(int batchId, DateTime? purgedAt)
    {
        if (purgedAt is { } at)
            throw new GoneException($"The rows of batch {batchId} were removed on {at:yyyy-MM-dd} UTC by the product's retention setting; its metrics, gates and KPI values remain.");
    }
}
