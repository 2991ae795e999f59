namespace DataProductDashboard.Analysis.Gates;

/// <summary>One metric value's address: key, and the column and segment it is about (null for dataset-level values).</summary>
public readonly record struct MetricAddress(string Key, string? Column = null, string? Segment = null)
{
    public override string ToString() =>
        Key + (Column is null ? "" : $"['{Column}']") + (Segment is null ? "" : $"{{{Segment}}}");

    /// <summary>Reads back what <see cref="ToString"/> wrote: "shadow.accuracy{sex=female}", "fairness.disparate_impact['sex']".</summary>
    public static MetricAddress Parse(string text)
    {
        string? segment = null;
        string? column = null;
        if (text.EndsWith('}') && text.IndexOf('{', StringComparison.Ordinal) is var open and > 0)
        {
            segment = text[(open + 1)..^1];
            text = text[..open];
        }
        if (text.EndsWith("']", StringComparison.Ordinal) && text.IndexOf("['", StringComparison.Ordinal) is var at and > 0)
        {
            column = text[(at + 2)..^2];
            text = text[..at];
        }
        return new MetricAddress(text, column, segment);
    }
}
