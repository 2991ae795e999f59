namespace DataProductDashboard.Services.Products;

/// <summary>Which batches the retention setting has expired: those received more than the product's
/// <c>RetentionDays</c> before now, whose rows are still stored.</summary>
public static class RetentionRule
{
    public const int MinDays = 1;
    public const int MaxDays = 36_500;

    /// <summary>Batches received before this moment have expired.</summary>
    public static DateTime Cutoff(DateTime nowUtc, int retentionDays) => nowUtc.AddDays(-retentionDays);
}
