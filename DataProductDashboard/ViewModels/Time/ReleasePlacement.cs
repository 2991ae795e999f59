using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.ViewModels.Time;

/// <summary>Where a model release sits on a time axis: at the moment the version became champion, or earlier at the
/// first batch it scored as champion when that batch sits earlier on the axis. A history loaded after the release
/// (a backfill, or the demo's 2011–2012 batches seeded today) has batches whose arrival predates the promotion, and
/// on the event axis every batch sits at its rows' time: the version's data starts at its first batch, so its marker
/// does too, instead of landing after everything it scored.</summary>
public static class ReleasePlacement
{
    public static IReadOnlyList<ReleaseMarker> OnAxis(IReadOnlyList<ReleaseMarker> releases, IReadOnlyList<BatchSummary> batches, TimeBasis basis)
    {
        var firstScored = batches.GroupBy(b => b.ModelVersion).ToDictionary(g => g.Key, g => g.Min(b => BatchTimes.Of(b, basis)));
        return releases.Select(r => firstScored.TryGetValue(r.Version, out var first) && first < r.At ? r with { At = first } : r)
            .OrderBy(r => r.At).ToList();
    }
}
