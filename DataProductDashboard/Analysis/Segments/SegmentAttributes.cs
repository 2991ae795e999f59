using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Segments;

/// <summary>The columns a product is measured by, value by value: every categorical column with role Segment or flagged
/// <see cref="ColumnSpec.IsSegment"/>. A segment's name in metric points and gates is "attribute=value"
/// ("sex=female"); a missing cell is the value "(missing)", and values past the first <see cref="MaxValues"/> of an
/// attribute in a batch are pooled as "(other)" (said on the segments page, never dropped).</summary>
public static class SegmentAttributes
{
    public const int MaxValues = 50;
    public const string MissingValue = "(missing)";
    public const string OtherValue = "(other)";

    /// <summary>The attributes in schema order, the Segment-role columns (the declared sensitive attributes) first.</summary>
    public static IReadOnlyList<string> Of(ProductSchema schema) =>
        schema.Columns.Where(IsMeasured).OrderBy(c => c.Role == ColumnRole.Segment ? 0 : 1).Select(c => c.Name).ToList();

    /// <summary>Columns flagged as segments that cannot be measured per value (not categorical), with the reason.</summary>
    public static IReadOnlyList<(string Column, string Reason)> Ignored(ProductSchema schema) =>
        schema.Columns.Where(c => (c.Role == ColumnRole.Segment || c.IsSegment) && !IsMeasured(c))
            .Select(c => (c.Name, c.IsComposed ? "a composed time is not a segment"
                : $"a {c.Kind.ToString().ToLowerInvariant()} column has too many values to measure one by one; make it categorical (e.g. age bands)"))
            .ToList();

    /// <summary>"sex=female".</summary>
    public static string Name(string attribute, string value) => attribute + "=" + value;

    /// <summary>Splits "attribute=value" at its first '='.</summary>
    public static bool TryParse(string? segment, out string attribute, out string value)
    {
        var at = segment?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        attribute = at > 0 ? segment![..at] : "";
        value = at > 0 ? segment![(at + 1)..] : "";
        return at > 0;
    }

    private static bool IsMeasured(ColumnSpec c) =>
        (c.Role == ColumnRole.Segment || c.IsSegment) && c.Kind == ColumnKind.Categorical && !c.IsComposed;
}
