using System.Globalization;
using System.Text.RegularExpressions;

namespace DataProductDashboard.Domain;

/// <summary>The timestamps the dashboard reads without a declared format: ISO 8601 only — a date (2012-09-03), a date
/// and time (2012-09-03T14:00, seconds and fractions optional, a space instead of the T accepted) and optionally an
/// offset (Z, +02:00, +0200, +02). Times without an offset are UTC. Anything else (09/03/2012, 03.09.2012) is refused:
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
