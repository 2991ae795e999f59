using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Colours and the base layout shared by the chart builders.</summary>
public static class ChartStyle
{
    public const string Primary = "#1e5aa8";
    public const string Secondary = "#d35400";
    public const string Tertiary = "#2e7d32";
    public const string Quaternary = "#6a1b9a";
    public const string Threshold = "#c62828";
    public const string Release = "#757575";
    public const string Reference = "#90a4ae";

    public static readonly string[] Palette = [Primary, Secondary, Tertiary, Quaternary];

    public static Layout BaseLayout(int height, bool legend) => new()
    {
        Height = height,
        Margin = new Margin { L = 64, R = 24, T = legend ? 40 : 28, B = 56 },
        ShowLegend = legend,
        Legend = legend ? [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom }] : null,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Family = "system-ui, -apple-system, 'Segoe UI', Arial, sans-serif", Size = 12 },
        Shapes = [],
        Annotations = [],
    };

    public static Config Config() => new() { Responsive = true, DisplayLogo = false };

    /// <summary>Gap in pixels between an axis's tick labels and its title.</summary>
    public const int TitleStandoff = 10;

    /// <summary>A figure whose axis titles never overlap their tick labels (see <see cref="FitAxisTitles"/>).</summary>
    public static ChartFigure Figure(IList<ITrace> data, Layout layout, bool isEmpty) =>
        new(data, FitAxisTitles(layout), Config(), isEmpty);

    /// <summary>Turns on <c>automargin</c> for every axis and puts each axis title <see cref="TitleStandoff"/> pixels
    /// beyond its tick labels: Plotly then grows the margin to fit rotated or long tick labels and the title below
    /// (or beside) them, instead of drawing the title at a fixed offset across the labels. The margins of
    /// <see cref="BaseLayout"/> stay the minimum.</summary>
    public static Layout FitAxisTitles(Layout layout)
    {
        foreach (var axis in layout.XAxis ?? [])
        {
            axis.AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True;
            if (axis.Title is { } title)
                title.Standoff ??= TitleStandoff;
        }
        foreach (var axis in layout.YAxis ?? [])
        {
            axis.AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True;
            if (axis.Title is { } title)
                title.Standoff ??= TitleStandoff;
        }
        return layout;
    }
}
