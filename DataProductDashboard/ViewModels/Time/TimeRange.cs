using System.Globalization;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Time;

/// <summary>The time range a user chose for a product's charts, shared by its pages through the query string:
/// <c>range=7d|30d|90d|all</c>, or <c>from</c>/<c>to</c> days (yyyy-MM-dd in the product's time zone, <c>to</c>
/// inclusive) for a custom range, and <c>time=event</c> for the event-time axis. Without any of them the product's
/// default applies: the 90 days up to the newest batch, so a long gap between batches (a demo history of 2011 and an
/// upload of today) never stretches the default view. The presets are anchored at the newest batch, not at today, so
/// an old history still shows something.</summary>
public sealed record TimeRange(TimeRangePreset Preset, DateOnly? From = null, DateOnly? To = null)
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string RangeKey = "range";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string TimeKey = "time";

    /// <summary>The per-product default: the 90 days up to the newest batch.</summary>
    public static TimeRange Default { get; } = new(TimeRangePreset.Last90Days);
    public static TimeRange All { get; } = new(TimeRangePreset.All);

    /// <summary>The presets the control offers as chips, in order.</summary>
    public static IReadOnlyList<TimeRange> Presets { get; } =
        [new(TimeRangePreset.Last7Days), new(TimeRangePreset.Last30Days), Default, All];

    /// <summary>Reads the query string; valid <c>from</c>/<c>to</c> days make a custom range whatever <c>range</c>
    /// says, an unknown or missing <c>range</c> is the default.</summary>
    public static TimeRange Parse(string? range, string? from, string? to)
    {
        var f = ParseDate(from);
        var t = ParseDate(to);
        if (f is not null || t is not null)
            return f is { } a && t is { } b && a > b ? new(TimeRangePreset.Custom, b, a) : new(TimeRangePreset.Custom, f, t);
        return range?.Trim().ToLowerInvariant() switch
        {
            "7d" => new(TimeRangePreset.Last7Days),
            "30d" => new(TimeRangePreset.Last30Days),
            "90d" => Default,
            "all" => All,
            _ => Default,
        };
    }

    public static TimeBasis ParseBasis(string? time) =>
        string.Equals(time?.Trim(), "event", StringComparison.OrdinalIgnoreCase) ? TimeBasis.Event : TimeBasis.Arrival;

    /// <summary>"7d", "30d", "90d", "all" or "custom".</summary>
    public string Key => Preset switch
    {
        TimeRangePreset.Last7Days => "7d",
        TimeRangePreset.Last30Days => "30d",
        TimeRangePreset.Last90Days => "90d",
        TimeRangePreset.All => "all",
        _ => "custom",
    };

    public string Label => Preset switch
    {
        TimeRangePreset.Last7Days => "Last 7 days",
        TimeRangePreset.Last30Days => "Last 30 days",
        TimeRangePreset.Last90Days => "Last 90 days",
        TimeRangePreset.All => "All",
        _ => (From, To) switch
        {
            ({ } f, { } t) => $"{Text(f)} → {Text(t)}",
            ({ } f, null) => $"Since {Text(f)}",
            (null, { } t) => $"Until {Text(t)}",
            _ => "Custom",
        },
    };

    public int? Days => Preset switch
    {
        TimeRangePreset.Last7Days => 7,
        TimeRangePreset.Last30Days => 30,
        TimeRangePreset.Last90Days => 90,
        _ => null,
    };

    /// <summary>The query parameters of this range (null removes one): nothing for the default, <c>range</c> for
    /// the other presets, <c>from</c>/<c>to</c> for a custom range.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        [RangeKey] = this == Default || Preset == TimeRangePreset.Custom ? null : Key,
        [FromKey] = Preset == TimeRangePreset.Custom && From is { } f ? Text(f) : null,
        [ToKey] = Preset == TimeRangePreset.Custom && To is { } t ? Text(t) : null,
    };

    /// <summary>The window on the axis: a preset ends at midnight after the newest batch (in the product's zone) and
    /// goes back its number of days; All spans the oldest to the newest batch (whole days); a custom range is its days
    /// (an open end takes the oldest or newest batch's day). Null when there is no batch and no complete custom range.</summary>
    public TimeWindow? Resolve(DateTime? oldest, DateTime? newest, ZonedDisplay zone)
    {
        DateTime? DayStart(DateTime? utc) => utc is { } u ? Utc(DateOnly.FromDateTime(zone.Local(u)), zone) : null;
        DateTime? DayEnd(DateTime? utc) => utc is { } u ? Utc(DateOnly.FromDateTime(zone.Local(u)).AddDays(1), zone) : null;
        switch (Preset)
        {
            case TimeRangePreset.Custom:
                var from = From is { } f ? Utc(f, zone) : DayStart(oldest);
                var to = To is { } t ? Utc(t.AddDays(1), zone) : DayEnd(newest);
                if (from is null && to is not null)
                    from = to.Value.AddDays(-1);
                if (to is null && from is not null)
                    to = from.Value.AddDays(1);
                return from is { } a && to is { } b ? new TimeWindow(a, b > a ? b : a.AddDays(1)) : null;
            case TimeRangePreset.All:
                return DayStart(oldest) is { } start && DayEnd(newest) is { } end ? new TimeWindow(start, end) : null;
            default:
                return DayEnd(newest) is { } last ? new TimeWindow(last.AddDays(-Days!.Value), last) : null;
        }
    }

    private static DateTime Utc(DateOnly day, ZonedDisplay zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight that a daylight-saving jump skips starts the day an hour later.
        if (!zone.IsUtc && zone.TimeZone.IsInvalidTime(local))
            local = local.AddHours(1);
        return zone.IsUtc ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : TimeZoneInfo.ConvertTimeToUtc(local, zone.TimeZone);
    }

    private static string Text(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
