using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Kpis;
using DataProductDashboard.ViewModels.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Insights;

/// <summary>Draws a report's charts with the pages' figure builders (a KPI as on the KPI page, the rest as time series)
/// and, after each new set has rendered, asks the browser for their static pictures, which only print shows.</summary>
public sealed partial class ReportChartList
{
    private readonly Dictionary<string, ChartFigure> _figures = new(StringComparer.Ordinal);
    private IReadOnlyList<ReportChart>? _built;
    private bool _snapshotPending;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<ReportChart> Charts { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_built, Charts))
            return;
        _built = Charts;
        _figures.Clear();
        foreach (var chart in Charts)
            _figures[chart.Id] = chart.Kpi is { } kpi ? KpiFigureBuilder.Build(kpi) : TimeSeriesFigureBuilder.Build(chart.Spec);
        _snapshotPending = true;
    }

    private ChartFigure FigureOf(ReportChart chart) => _figures[chart.Id];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_snapshotPending)
            return;
        _snapshotPending = false;
        try
        {
            await JS.InvokeAsync<int>("dpdSnapshotCharts");
        }
        catch (JSDisconnectedException)
        {
        }
        catch (TaskCanceledException)
        {
        }
    }
}
