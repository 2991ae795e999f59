namespace DataProductDashboard.ViewModels.Time;

/// <summary>Which time of a batch a time axis uses: when it arrived (received; a backfill's newest event time), or
/// when its rows happened (the first event time of its rows, for a product with an event-time column).</summary>
public enum TimeBasis { Arrival, Event }
