using System.Globalization;

namespace DataProductDashboard.ViewModels.Formatting;

/// <summary>An error as a dialog shows it: a heading, then at most <see cref="DefaultCap"/> keyed problems and how many
/// more there are. Each problem is shown once: an exception whose only error repeats its message is just the message.</summary>
public sealed record ErrorSummary(string Heading, IReadOnlyList<KeyValuePair<string, string>> Items, int MoreCount)
{
    public const int DefaultCap = 12;

    public int Total => Items.Count + MoreCount;

    public static ErrorSummary From(string message, IReadOnlyDictionary<string, string[]>? errors, int cap = DefaultCap)
    {
        var all = (errors ?? new Dictionary<string, string[]>())
            .SelectMany(e => e.Value.Select(m => new KeyValuePair<string, string>(e.Key, m)))
            .ToList();
        if (all.Count == 0 || (all.Count == 1 && all[0].Value == message))
            return new ErrorSummary(message, [], 0);
        // Problems keyed by row, column, header or file are about an uploaded file; others (a form's fields) are not.
        var aboutAFile = all.All(e => e.Key.StartsWith("row ", StringComparison.Ordinal) || e.Key.StartsWith("column ", StringComparison.Ordinal)
            || e.Key is "file" or "header");
        var heading = string.Create(CultureInfo.InvariantCulture,
            $"{(aboutAFile ? "The file was rejected" : "Not saved")}: {all.Count} problem{(all.Count == 1 ? "" : "s")}");
        var shown = all.Take(Math.Max(cap, 1)).ToList();
        return new ErrorSummary(heading, shown, all.Count - shown.Count);
    }
}
