using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using Microsoft.Extensions.Caching.Memory;

namespace DataProductDashboard.Services.Experiments;

/// <summary>Each experiment's arm statistics merged over its batches, kept while the experiment's
/// <see cref="Experiment.StatisticsVersion"/> is the one they were read at (every change of a batch's statistics bumps
/// it in the same transaction, so a stale merge is never served, on this instance or another). Pages read an
/// experiment's statistics many times between two batches; a read then costs nothing however long the experiment ran.
/// Bounded: at most <see cref="MaxEntries"/> experiments (a few kilobytes each), dropped after
/// <see cref="IdleExpiry"/> unread.</summary>
public sealed class ExperimentStatisticsCache : IDisposable
{
    public const int MaxEntries = 1000;
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, TrackStatistics = true });

    /// <summary>Entries, hits and misses so far (for the bench and the logs).</summary>
    public MemoryCacheStatistics? Statistics => _cache.GetCurrentStatistics();

    public async Task<(Dictionary<string, Moments> Champion, Dictionary<string, Moments> Challenger)> GetAsync(DashboardDbContext db, Experiment experiment,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (_cache.TryGetValue(experiment.Id, out Entry? entry) && entry!.Version == experiment.StatisticsVersion)
            return (entry.Champion, entry.Challenger);
        // Read after the version: the statistics are at least that new, so tagging them with it is safe.
        var (champion, challenger) = await ArmStatisticsStore.ReadAsync(db, experiment.Id, ct);
        _cache.Set(experiment.Id, new Entry(experiment.StatisticsVersion, champion, challenger),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleExpiry });
        return (champion, challenger);
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The merged statistics are never changed after they are cached (readers get the same dictionaries).</summary>
    private sealed record Entry(long Version, Dictionary<string, Moments> Champion, Dictionary<string, Moments> Challenger);
}
