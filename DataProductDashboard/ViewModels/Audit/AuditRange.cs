using System.Globalization;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>The time range of the audit pages' charts: all history, or the last N weeks before the newest batch.
/// Lives in the query string as <c>from</c>/<c>to</c> dates (yyyy-MM-dd, UTC; <c>to</c> inclusive).</summary>
public sealed record AuditRange(DateTime? From, DateTime? To)
{
    public const string DateFormat = "yyyy-MM-dd";
    public static AuditRange All { get; } = new(null, null);

    /// <summary>The presets offered as chips: key, label, range. Relative to the newest batch, not to today, so an
    /// old demo history still shows something.</summary>
    public static IReadOnlyList<(string Key, string Label, AuditRange Range)> Presets(DateTime? newest) =>
    [
        ("all", "All", All),
        ("12w", "Last 12 weeks", newest is { } n12 ? new AuditRange(n12.Date.AddDays(-7 * 12), null) : All),
        ("4w", "Last 4 weeks", newest is { } n4 ? new AuditRange(n4.Date.AddDays(-7 * 4), null) : All),
    ];

    public static AuditRange Parse(string? from, string? to) => new(ParseDate(from), ParseDate(to));

    /// <summary>The inclusive end of the day <see cref="To"/> for queries.</summary>
    public DateTime? ToExclusiveEnd => To?.AddDays(1).AddTicks(-1);

    public string? FromText => From?.ToString(DateFormat, CultureInfo.InvariantCulture);
    public string? ToText => To?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public string Describe() => (From, To) switch
    {
        (null, null) => "all history",
        ({ } f, null) => $"since {f.ToString(DateFormat, CultureInfo.InvariantCulture)}",
        (null, { } t) => $"until {t.ToString(DateFormat, CultureInfo.InvariantCulture)}",
        ({ } f, { } t) => $"{f.ToString(DateFormat, CultureInfo.InvariantCulture)} → {t.ToString(DateFormat, CultureInfo.InvariantCulture)}",
    };

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Utc)
            : null;
}
