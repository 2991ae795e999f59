using DataProductDashboard.Services.Audit;

namespace DataProductDashboard.Services.Segments;

/// <summary>The per-segment measures of a batch as metric points whose segment is "attribute=value": a "segments" run
/// at import (support, prediction mean, std and positive share, prediction drift against the same segment of the
/// reference) and a "segment-performance" run once labels arrive (the performance metrics of the segment's labelled
/// rows).</summary>
public static class SegmentHistory
{
    public const string RunKind = "segments";
    public const string PerformanceRunKind = "segment-performance";

    /// <summary>What a segments run keeps besides its points.</summary>
    public sealed record SegmentRun(IReadOnlyList<string> Attributes, IReadOnlyList<string> Pooled, IReadOnlyList<string> Ignored);

    public static MetricRunSet Add(MetricRunSet runs, SegmentRun run, IEnumerable<(string Segment, string Key, double Value)> points) =>
        runs.AddSegmented(RunKind, run, points.Where(p => double.IsFinite(p.Value)).Select(p => (p.Key, (string?)null, (string?)p.Segment, p.Value)));
}
