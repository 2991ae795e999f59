using DataProductDashboard.ViewModels.Charts;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Charts;

/// <summary>A bar chart of a histogram built by <see cref="HistogramFigureBuilder"/>, drawn by
/// <see cref="PlotlyFigureView"/> (which redraws when a new figure arrives).</summary>
public sealed partial class HistogramChart
{
    private HistogramFigure? _source;
    private ChartFigure _figure = null!;

    [Parameter, EditorRequired] public required HistogramFigure Figure { get; set; }
    [Parameter] public string Id { get; set; } = "histogram-chart";
    [Parameter] public string EmptyText { get; set; } = "No data to chart";

    protected override void OnParametersSet()
    {
        // One ChartFigure per histogram figure: the view compares figures by reference to know when to redraw.
        if (!ReferenceEquals(_source, Figure))
        {
            _source = Figure;
            _figure = new ChartFigure(Figure.Data, Figure.Layout, Figure.Config, Figure.IsEmpty);
        }
    }
}
