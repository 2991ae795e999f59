using System.Globalization;
using System.Text.RegularExpressions;

namespace DataProductDashboard.Domain;

/// <summary>The timestamps the dashboard reads without a declared format: ISO 8601 only — a date (2012-09-03), a date
/// and time (2012-09-03T14:00, seconds and fractions optional, a space instead of the T accepted) and optionally an
/// offset (Z, +02:00, +0200, +02). Times without an offset are UTC, or wall-clock times of the zone given (a product's
/// time zone when its files are read). Anything else (09/03/2012, 03.09.2012) is refused:
/// guessing day-first or month-first silently corrupts data.</summary>
public static partial class TimestampFormat
{
    public const string AcceptedForms = "ISO 8601, e.g. 2012-03-31, 2012-03-31T17:00 or 2012-03-31T17:00:00Z";

    private const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Parses an ISO 8601 date or date-time to UTC.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        return text.Length is >= 10 and <= 40 && Shape().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, Styles, out value);
    }

    /// <summary>Parses <paramref name="text"/> with a declared .NET custom format (e.g. dd.MM.yyyy), to UTC.</summary>
    public static bool TryParseExact(ReadOnlySpan<char> text, string format, out DateTime value) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out value);

    /// <summary>Parses an ISO 8601 date or date-time to UTC, reading one without an offset as a wall-clock time in
    /// <paramref name="zone"/>. <paramref name="skipped"/> tells a well-formed time that does not exist there (the
    /// hour the clocks skip when daylight saving time starts); an hour that occurs twice is read as the later,
    /// standard-time one.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, TimeZoneInfo zone, out DateTime value, out bool skipped)
    {
        skipped = false;
        if (!TryParseIso(text, out value))
            return false;
        return IsUtc(zone) || HasOffset(text) || ToUtc(ref value, zone, out skipped);
    }

    /// <summary><see cref="TryParseExact(ReadOnlySpan{char}, string, out DateTime)"/>, with a format that writes no
    /// offset (no z or K) read as a wall-clock time in <paramref name="zone"/>, as <see cref="TryParseIso(ReadOnlySpan{char}, TimeZoneInfo, out DateTime, out bool)"/> does.</summary>
    public static bool TryParseExact(ReadOnlySpan<char> text, string format, TimeZoneInfo zone, out DateTime value, out bool skipped)
    {
        skipped = false;
        if (!TryParseExact(text, format, out value))
            return false;
        return IsUtc(zone) || format.AsSpan().ContainsAny('z', 'K') || ToUtc(ref value, zone, out skipped);
    }

    /// <summary>The UTC time of a wall-clock time in <paramref name="zone"/>; false when the zone skips it.</summary>
    public static bool TryLocalToUtc(DateTime wallClock, TimeZoneInfo zone, out DateTime value)
    {
        value = DateTime.SpecifyKind(wallClock, DateTimeKind.Utc);
        return IsUtc(zone) || ToUtc(ref value, zone, out _);
    }

    /// <summary>True for a zone that is UTC all year (no conversion needed).</summary>
    public static bool IsUtc(TimeZoneInfo zone) =>
        ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);

    // The date part (yyyy-MM-dd) holds '-' of its own; an offset can only follow it.
    private static bool HasOffset(ReadOnlySpan<char> text) => text.Length > 10 && text[10..].ContainsAny('Z', '+', '-');

    private static bool ToUtc(ref DateTime value, TimeZoneInfo zone, out bool skipped)
    {
        var local = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        skipped = zone.IsInvalidTime(local);
        if (skipped)
            return false;
        value = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    /// <summary>Null when <paramref name="format"/> can read timestamps (it round-trips a date and names year, month and
    /// day); otherwise why not.</summary>
    public static string? Check(string format)
    {
        if (string.IsNullOrWhiteSpace(format))
            return "The format is empty; leave it out for ISO 8601 or give a .NET date format such as dd.MM.yyyy.";
        var sample = new DateTime(2012, 3, 31, 17, 45, 30, DateTimeKind.Utc);
        string written;
        try
        {
            written = sample.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return $"'{format}' is not a valid date format; use .NET custom format specifiers such as dd.MM.yyyy or MM/dd/yyyy HH:mm.";
        }
        if (!TryParseExact(written, format, out var read) || read.Date != sample.Date)
            return $"'{format}' cannot read back a date it writes ('{written}'); a format needs the year (yyyy), month (MM) and day (dd), e.g. dd.MM.yyyy.";
        return null;
    }

    /// <summary>An example of <paramref name="format"/>, for messages.</summary>
    public static string Example(string format)
    {
        try
        {
            return new DateTime(2012, 3, 31, 17, 0, 0, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return format;
        }
    }
}
