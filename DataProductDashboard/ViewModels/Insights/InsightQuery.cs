using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Domain;

namespace DataProductDashboard.ViewModels.Insights;

/// <summary>The filters of an insight report as they travel in the query string (?severity=Warning&amp;topic=Kpi).</summary>
public sealed record InsightQuery(InsightSeverity MinimumSeverity, InsightTopic? Topic)
{
    public static InsightQuery Parse(string? severity, string? topic) => new(
        EnumNames.TryParse<InsightSeverity>(severity, out var s) ? s : InsightSeverity.Info,
        EnumNames.TryParse<InsightTopic>(topic, out var t) ? t : null);

    public IReadOnlyList<Insight> Apply(IEnumerable<Insight> insights) =>
        insights.Where(i => i.Severity >= MinimumSeverity && (Topic is null || i.Topic == Topic)).ToList();

    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["severity"] = MinimumSeverity == InsightSeverity.Info ? null : MinimumSeverity.ToString(),
        ["topic"] = Topic?.ToString(),
    };
}
