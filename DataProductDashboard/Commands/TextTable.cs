using System.Globalization;

namespace DataProductDashboard.Commands;

/// <summary>A plain-text table for the list verbs: a header row, then rows, columns padded to their widest cell.</summary>
public static class TextTable
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public static string Time(DateTime? utc) => utc is { } t ? t.ToString(TimeFormat, CultureInfo.InvariantCulture) + "Z" : "-";

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))));
    }
}
