using DataProductDashboard.ViewModels.Charts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace DataProductDashboard.Components.Charts;

/// <summary>A bar chart of a histogram built by <see cref="HistogramFigureBuilder"/>. Plotly.Blazor does not re-render
/// on parameter changes, so a new figure is pushed to the existing chart with <c>React()</c>.</summary>
public sealed partial class HistogramChart
{
    private PlotlyChart? _chart;
    private HistogramFigure? _rendered;

    [Parameter, EditorRequired] public required HistogramFigure Figure { get; set; }
    [Parameter] public string Id { get; set; } = "histogram-chart";
    [Parameter] public string EmptyText { get; set; } = "No data to chart";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender || ReferenceEquals(_rendered, Figure))
        {
            _rendered = Figure;
            return;
        }
        var previous = _rendered;
        _rendered = Figure;
        if (_chart is null || previous is null || previous.IsEmpty || Figure.IsEmpty)
            return;
        // The new Data/Layout/Config already reached the chart as parameters (it just does not re-render): redraw.
        await _chart.React();
    }
}
