using Plotly.Blazor;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>What <c>HistogramChart</c> hands to Plotly: traces, layout and config. <see cref="IsEmpty"/> when there is nothing to draw.</summary>
public sealed record HistogramFigure(IList<ITrace> Data, Layout Layout, Config Config, bool IsEmpty, long TotalCount);
