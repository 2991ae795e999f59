namespace DataProductDashboard.Data;

/// <summary>The app's clock, in whole microseconds: the finest time PostgreSQL keeps (SQLite keeps .NET's 100 ns
/// ticks). A time the app holds in memory (a batch's arrival, a job's creation) then equals the time it reads back from
/// either store, and what it derives from one (a freshness in hours) does not change in its last digits on a reread.</summary>
public sealed class StoreClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
