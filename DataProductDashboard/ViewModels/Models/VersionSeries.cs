using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.ViewModels.Models;

/// <summary>A metric's points split into lines per model version: the batches' own points (scored by the champion of
/// the day) and, dashed, each challenger's shadow points on the same batches.</summary>
public static class VersionSeries
{
    public static IReadOnlyList<TimeSeriesLine> Lines(IEnumerable<MetricSeriesPoint> points, string championName)
    {
        var all = points.ToList();
        var lines = new List<TimeSeriesLine> { new(championName, SeriesPoints.From(all.Where(p => !p.Shadow)), ChartStyle.Primary) };
        var colors = ChartStyle.Palette.Skip(1).ToArray();
        var i = 0;
        foreach (var version in all.Where(p => p.Shadow && p.ModelVersion is not null).GroupBy(p => p.ModelVersion!.Value).OrderBy(g => g.Key))
            lines.Add(new TimeSeriesLine($"v{version.Key} (shadow)", SeriesPoints.From(version), colors[i++ % colors.Length], Dashed: true));
        return lines;
    }

    /// <summary>One line per compared version: its points as champion (the batches it scored) and as challenger (its
    /// shadow points), so each version's history runs on through a release.</summary>
    public static IReadOnlyList<TimeSeriesLine> PerVersion(IEnumerable<MetricSeriesPoint> points, IReadOnlyList<int> versions)
    {
        var all = points.Where(p => p.BatchId is not null).ToList();
        return versions.Select((v, i) => new TimeSeriesLine($"v{v}", SeriesPoints.From(all.Where(p => p.ModelVersion == v)),
            ChartStyle.Palette[i % ChartStyle.Palette.Length])).Where(l => l.Points.Count > 0).ToList();
    }

    /// <summary>The versions that have shadow points among <paramref name="points"/>.</summary>
    public static IReadOnlyList<int> ShadowVersions(IEnumerable<MetricSeriesPoint> points) =>
        points.Where(p => p.Shadow && p.ModelVersion is not null).Select(p => p.ModelVersion!.Value).Distinct().Order().ToList();
}
