using DataProductDashboard.Domain;
using DataProductDashboard.Services.Insights;
using DataProductDashboard.Services.Reports;
using DataProductDashboard.ViewModels.Insights;
using DataProductDashboard.ViewModels.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Insights;

/// <summary>A product's report for business users: its insights, filterable by severity and topic (query string), its key
/// charts (KPIs, the champion's performance, drift) and a glossary of every term and metric shown; printable (charts as
/// static pictures, links absolute), downloadable as one HTML file, insights exportable as CSV; refreshed live when the
/// product changes.</summary>
public sealed partial class InsightsPage
{
    /// <summary>The product's display time zone (the layout cascades it; UTC elsewhere).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private ProductInsights? _report;
    private ProductReportData? _data;
    private IReadOnlyList<ReportChart> _charts = [];
    private InsightQuery _query = new(InsightSeverity.Info, null);

    [Inject] public required ReportService Reports { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityQuery { get; set; }
    [SupplyParameterFromQuery(Name = "topic")] public string? TopicQuery { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _query = InsightQuery.Parse(SeverityQuery, TopicQuery);
        if (FollowProduct() || _report is null)
            await LoadAsync();
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        _data = await Reports.GetAsync(ProductId, ct);
        _charts = ReportCharts.For(_data);
        _report = _data.Insights;
    }

    /// <summary>Every term and metric the shown insights and the charts mention.</summary>
    private IReadOnlyList<GlossaryEntry> Glossary() =>
        ReportGlossary.For(_query.Apply(_report!.Insights), _charts, _data!.Kpis.Select(k => k.Definition));

    private IEnumerable<(InsightSeverity Severity, int Count)> Counts() =>
        Enum.GetValues<InsightSeverity>().Reverse().Select(s => (s, _report!.Insights.Count(i => i.Severity == s)));

    private Task FilterAsync(InsightQuery query)
    {
        _query = query;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQuery()), replace: true);
        return Task.CompletedTask;
    }

    private async Task ExportAsync()
    {
        if (_report is null)
            return;
        var filtered = _report with { Insights = _query.Apply(_report.Insights) };
        await JS.InvokeVoidAsync("dpdDownload", $"insights-product-{ProductId}.csv", "text/csv", InsightsCsv.Write([filtered]));
    }

    /// <summary>The charts' pictures first (js/download.js), then the browser's print dialog.</summary>
    private async Task PrintAsync() => await JS.InvokeVoidAsync("dpdPrintReport");
}
