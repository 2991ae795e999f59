using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Operations;

/// <summary>The job queue's depth and lag, read from the database (shared by every instance) at most once every few
/// seconds, however often metrics are collected or readiness is asked.</summary>
public sealed class QueueGauge(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (QueueReading Reading, DateTimeOffset At)? _last;

    public sealed record QueueReading(long Queued, long Running, double OldestQueuedSeconds);

    /// <summary>The latest reading, read again when older than a few seconds (synchronous: metric callbacks are).</summary>
    public QueueReading Read()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && now - last.At < Fresh)
                return last.Reading;
        }
        var reading = ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        lock (_gate)
            _last = (reading, now);
        return reading;
    }

    public async Task<QueueReading> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Queued || j.State == JobState.Running)
            .GroupBy(j => j.State).Select(g => new { State = g.Key, Count = g.LongCount(), Oldest = g.Min(j => j.CreatedAt) }).ToListAsync(ct);
        var queued = states.FirstOrDefault(s => s.State == JobState.Queued);
        var now = clock.GetUtcNow().UtcDateTime;
        return new QueueReading(queued?.Count ?? 0, states.FirstOrDefault(s => s.State == JobState.Running)?.Count ?? 0,
            queued is null ? 0 : Math.Max(0, (now - queued.Oldest).TotalSeconds));
    }
}
