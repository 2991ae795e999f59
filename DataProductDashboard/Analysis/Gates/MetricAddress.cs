namespace DataProductDashboard.Analysis.Gates;

/// <summary>One metric value's address: key, and the column and segment it is about (null for dataset-level values).</summary>
public readonly record struct MetricAddress(string Key, string? Column = null, string? Segment = null)
{
    public override string ToString() =>
        Key + (Column is null ? "" : $"['{Column}']") + (Segment is null ? "" : $"{{{Segment}}}");
}
