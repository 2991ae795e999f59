using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Audit;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Reference (training data) vs current (batch) shares of one column as grouped bars over common bins.</summary>
public static class DistributionOverlayFigureBuilder
{
    public static ChartFigure Build(ColumnDistribution? distribution, string? xTitle = null, int height = 340)
    {
        var layout = ChartStyle.BaseLayout(height, legend: true);
        layout.BarMode = BarModeEnum.Group;
        layout.BarGap = 0.1m;
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle ?? (distribution is null ? "" : AxisTitle(distribution)) },
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Share of rows (%)" },
            TickFormat = ".0%",
            RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
        }];
        var isEmpty = distribution is null || distribution.Bins.Count == 0
            || distribution.Reference.Length != distribution.Bins.Count || distribution.Current.Length != distribution.Bins.Count
            || (distribution.ReferenceCount == 0 && distribution.CurrentCount == 0);
        if (isEmpty)
            return ChartStyle.Figure([], layout, true);
        var bins = distribution!.Bins.Select(b => (object)b).ToList();
        return ChartStyle.Figure(
        [
            Bars($"Reference ({Formatting.Display.Count(distribution.ReferenceCount)} rows)", bins, distribution.Reference, ChartStyle.Reference),
            Bars($"Current ({Formatting.Display.Count(distribution.CurrentCount)} rows)", bins, distribution.Current, ChartStyle.Primary),
        ], layout, false);
    }

    /// <summary>"season (category)", "mnth (value)" when each bar is one value, "temp (value bin)" otherwise.</summary>
    public static string AxisTitle(ColumnDistribution distribution) => $"{distribution.Column} ({BinNoun(distribution)})";

    /// <summary>What one bar stands for: "category", "value" or "value bin".</summary>
    public static string BinNoun(ColumnDistribution distribution) =>
        distribution.Kind == "Categorical" ? "category" : distribution.PerValue ? "value" : "value bin";

    private static Bar Bars(string name, List<object> bins, double[] shares, string color) => new()
    {
        Name = name,
        X = bins,
        Y = shares.Select(s => (object)s).ToList(),
        HoverTemplate = "%{x}<br>%{y:.2%} of rows<extra>" + name + "</extra>",
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
    };
}
