namespace DataProductDashboard.Data.Entities;

/// <summary>Who runs a piece of singleton background work (the missing-batch check, the retention sweep, the follow-up
/// repair loop) among the instances on one database, and until when: the holder renews it at every run; once it ran
/// out (its instance died), the next instance to try takes it.</summary>
public sealed class BackgroundLease
{
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}
