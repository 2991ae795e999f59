using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>Metric history → chart points.</summary>
public static class SeriesPoints
{
    public static IReadOnlyList<TimePoint> From(IEnumerable<MetricSeriesPoint> points) =>
        points.Select(p => new TimePoint(p.At, p.Value)).ToList();

    /// <summary>Pairs two series by batch into a band (e.g. concept.low / concept.high).</summary>
    public static IReadOnlyList<TimeBandPoint> Band(IEnumerable<MetricSeriesPoint> low, IEnumerable<MetricSeriesPoint> high)
    {
        var highs = high.Where(p => p.BatchId is not null).GroupBy(p => p.BatchId!.Value).ToDictionary(g => g.Key, g => g.Last().Value);
        return low.Where(p => p.BatchId is { } id && highs.ContainsKey(id))
            .Select(p => new TimeBandPoint(p.At, p.Value, highs[p.BatchId!.Value])).ToList();
    }

    /// <summary>mean ± <paramref name="k"/> std per batch.</summary>
    public static IReadOnlyList<TimeBandPoint> MeanStd(IEnumerable<MetricSeriesPoint> mean, IEnumerable<MetricSeriesPoint> std, double k = 1)
    {
        var stds = std.Where(p => p.BatchId is not null).GroupBy(p => p.BatchId!.Value).ToDictionary(g => g.Key, g => g.Last().Value);
        return mean.Where(p => p.BatchId is { } id && stds.ContainsKey(id))
            .Select(p => new TimeBandPoint(p.At, p.Value - (k * stds[p.BatchId!.Value]), p.Value + (k * stds[p.BatchId!.Value]))).ToList();
    }
}
