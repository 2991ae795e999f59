namespace DataProductDashboard.Services.Batches;

/// <summary>Where a batch sits on the product's time axis. A backfill — history sent late, flagged by the sender or
/// detected because its newest event time lies more than <see cref="DashboardOptionsDefaults.BackfillAfterDays"/> days
/// before its arrival — is placed at its newest event time and never judged late; any other batch sits at its arrival.</summary>
public static class BackfillRule
{
    /// <param name="arrival">When the batch arrived (or the time a caller placed it at).</param>
    /// <param name="newestEvent">The batch's newest event time, if its product has an event-time column.</param>
    /// <param name="flagged">The sender's word: true a backfill, false not one, null detect.</param>
    /// <param name="detectAfter">How far before its arrival a batch's newest event must lie to be taken for history.</param>
    public static (DateTime At, bool Backfill) Place(DateTime arrival, DateTime? newestEvent, bool? flagged, TimeSpan detectAfter)
    {
        var eventAt = newestEvent is { } e && e < arrival ? e : (DateTime?)null;
        return flagged switch
        {
            false => (arrival, false),
            true => (eventAt ?? arrival, true),
            null when eventAt is { } at && arrival - at > detectAfter => (at, true),
            _ => (arrival, false),
        };
    }
}

/// <summary>Defaults shared by the options and the rules that read them.</summary>
public static class DashboardOptionsDefaults
{
    public const int BackfillAfterDays = 30;
}
