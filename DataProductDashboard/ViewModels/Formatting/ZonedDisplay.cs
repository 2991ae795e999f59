using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.ViewModels.Formatting;

/// <summary>Dates as a product's people read them: in its time zone (UTC when it has none), with the offset said, so an
/// hourly series in UTC+8 starts on its own first day. Storage and the API stay in UTC.</summary>
public sealed class ZonedDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ZonedDisplay Utc { get; } = new(TimeZoneInfo.Utc);

    private ZonedDisplay(TimeZoneInfo zone) => TimeZone = zone;

    public TimeZoneInfo TimeZone { get; }

    public static ZonedDisplay For(string? timeZone) => timeZone is null ? Utc : new(ProductTimeZone.Of(timeZone));

    public bool IsUtc => TimeZone == TimeZoneInfo.Utc;

    /// <summary>"UTC", or "Asia/Shanghai (UTC+08:00)".</summary>
    public string Name => IsUtc ? "UTC" : $"{TimeZone.Id} ({Offset(TimeZone.BaseUtcOffset)})";

    public DateTime Local(DateTime utc) => IsUtc ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>"2026-11-24 09:00 UTC", or "2026-11-24 17:00 UTC+08:00" in the product's zone (offset of that moment).</summary>
    public string Absolute(DateTime utc) => IsUtc
        ? Display.Absolute(utc)
        : $"{Local(utc).ToString("yyyy-MM-dd HH:mm", Invariant)} {Offset(TimeZone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))}";

    /// <summary>The calendar day of the moment in the product's zone.</summary>
    public string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", Invariant);

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration():hh\\:mm}";
}
