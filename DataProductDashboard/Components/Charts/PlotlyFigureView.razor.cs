using DataProductDashboard.ViewModels.Charts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace DataProductDashboard.Components.Charts;

/// <summary>Draws a <see cref="ChartFigure"/> or its empty state. Plotly.Blazor does not re-render on parameter
/// changes, so a new figure is pushed to the existing chart with <c>React()</c>; a switch between empty and non-empty
/// re-creates the chart.</summary>
public sealed partial class PlotlyFigureView
{
    private PlotlyChart? _chart;
    private ChartFigure? _rendered;

    [Parameter, EditorRequired] public required ChartFigure Figure { get; set; }
    [Parameter, EditorRequired] public required string Id { get; set; }
    [Parameter] public string EmptyText { get; set; } = "No data to chart";
    [Parameter] public string EmptyIcon { get; set; } = MudBlazor.Icons.Material.Outlined.ShowChart;
    [Parameter] public string EmptyTestId { get; set; } = "chart-empty";
    [Parameter] public RenderFragment? EmptyContent { get; set; }

    /// <summary>The skeleton's height: the figure's own, else Plotly's default.</summary>
    private int Height => Figure.Layout.Height is { } h and > 0 ? (int)h : 350;

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
        await _chart.React();
    }
}
