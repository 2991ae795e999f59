using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Kpi;

/// <summary>The periods a KPI is measured over, all in UTC: a day starts at midnight, a week on Monday (ISO 8601), a
/// month on its first day. A time without a kind is taken as UTC; a local time is converted.</summary>
public static class KpiPeriods
{
    /// <summary>The start of the period <paramref name="time"/> falls in.</summary>
    public static DateTime Start(DateTime time, KpiPeriod period)
    {
        var utc = ToUtc(time).Date;
        return period switch
        {
            KpiPeriod.Day => utc,
            KpiPeriod.Week => utc.AddDays(-(((int)utc.DayOfWeek + 6) % 7)),
            KpiPeriod.Month => new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown KPI period."),
        };
    }

    /// <summary>The start of the period after the one that starts at <paramref name="start"/>.</summary>
    public static DateTime Next(DateTime start, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => Start(start, period).AddDays(1),
        KpiPeriod.Week => Start(start, period).AddDays(7),
        KpiPeriod.Month => Start(start, period).AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown KPI period."),
    };

    public static bool IsStart(DateTime time, KpiPeriod period) => ToUtc(time) == Start(time, period);

    /// <summary>How a period is written in files and the API: "2024-05-06" for days and weeks, "2024-05" for months.</summary>
    public static string Format(DateTime start, KpiPeriod period) =>
        start.ToString(period == KpiPeriod.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How a period reads in sentences: "2024-05-06", "week of 2024-05-06", "2024-05".</summary>
    public static string Label(DateTime start, KpiPeriod period) => period == KpiPeriod.Week
        ? "week of " + Format(start, period)
        : Format(start, period);

    /// <summary>When something happened, for sentences: "on 2024-05-06", "in the week of 2024-05-06", "in 2024-05".</summary>
    public static string During(DateTime start, KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "on " + Format(start, period),
        KpiPeriod.Week => "in the week of " + Format(start, period),
        _ => "in " + Format(start, period),
    };

    /// <summary>"day", "week", "month".</summary>
    public static string Noun(KpiPeriod period) => period.ToString().ToLowerInvariant();

    /// <summary>"1 day", "3 weeks", "2 months".</summary>
    public static string Count(int count, KpiPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Noun(period)}{(count == 1 ? "" : "s")}");

    private static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
