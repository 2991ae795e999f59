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
}
