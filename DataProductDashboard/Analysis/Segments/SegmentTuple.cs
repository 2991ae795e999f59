namespace DataProductDashboard.Analysis.Segments;

/// <summary>A row's values of every segment attribute, stored with its prediction as one text
/// ("sex␞female␟age_band␞25-35", attribute and value separated by U+001E, pairs by U+001F), so that a later schema with
/// other segment columns still reads each pair by name.</summary>
public static class SegmentTuple
{
    private const char PairSeparator = '\u001F';
    private const char ValueSeparator = '\u001E';

    public static string Encode(IReadOnlyList<string> attributes, IReadOnlyList<string> values)
    {
        if (attributes.Count != values.Count)
            throw new ArgumentException($"{values.Count} values for {attributes.Count} attributes.", nameof(values));
        return string.Join(PairSeparator, attributes.Select((a, i) => a + ValueSeparator + values[i]));
    }

    /// <summary>The value of <paramref name="attribute"/> in an encoded tuple, or null when the tuple has none.</summary>
    public static string? ValueOf(string? tuple, string attribute)
    {
        if (string.IsNullOrEmpty(tuple))
            return null;
        foreach (var pair in tuple.Split(PairSeparator))
        {
            var at = pair.IndexOf(ValueSeparator, StringComparison.Ordinal);
            if (at > 0 && pair.AsSpan(0, at).SequenceEqual(attribute))
                return pair[(at + 1)..];
        }
        return null;
    }

    public static IReadOnlyDictionary<string, string> Decode(string? tuple)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(tuple))
            return values;
        foreach (var pair in tuple.Split(PairSeparator))
        {
            var at = pair.IndexOf(ValueSeparator, StringComparison.Ordinal);
            if (at > 0)
                values[pair[..at]] = pair[(at + 1)..];
        }
        return values;
    }
}
