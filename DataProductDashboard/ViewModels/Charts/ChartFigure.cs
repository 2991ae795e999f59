using Plotly.Blazor;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>What a chart wrapper hands to Plotly: traces, layout and config. <see cref="IsEmpty"/> when there is nothing to draw.</summary>
public sealed record ChartFigure(IList<ITrace> Data, Layout Layout, Config Config, bool IsEmpty)
{
    /// <summary>A line shown under the chart, e.g. what the chosen time range leaves out ("12 batches before this range").</summary>
    public string? Note { get; init; }
}
