using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.ViewModels.Reports;

/// <summary>One chart of a product report: its title, a caption, and its series as a <see cref="TimeSeriesSpec"/>, which
/// the page draws with Plotly and the HTML file as a static SVG (<see cref="SvgLineChart"/>). A KPI chart carries its
/// <see cref="Kpi"/>, which the page draws with the KPI page's figure (target band, statuses, audit events).</summary>
public sealed record ReportChart(string Id, string Title, string Caption, TimeSeriesSpec Spec)
{
    public KpiDetail? Kpi { get; init; }
    /// <summary>The catalog key of the metric charted (its glossary entry), null for a KPI.</summary>
    public string? MetricKey { get; init; }
    /// <summary>What an empty chart says.</summary>
    public string EmptyText { get; init; } = "No values yet";
    public bool IsEmpty => Spec.Lines.All(l => !l.Points.Any(p => double.IsFinite(p.Value)));
}
