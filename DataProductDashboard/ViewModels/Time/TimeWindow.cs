namespace DataProductDashboard.ViewModels.Time;

/// <summary>A resolved time range in UTC, <see cref="From"/> inclusive and <see cref="To"/> exclusive: the x-axis range
/// of every time chart of a page and the filter of what they draw.</summary>
public sealed record TimeWindow(DateTime From, DateTime To)
{
    public TimeSpan Span => To - From;

    public bool Contains(DateTime at) => at >= From && at < To;

    /// <summary>The inclusive end for queries that take an inclusive upper bound.</summary>
    public DateTime LastTick => To.AddTicks(-1);
}
