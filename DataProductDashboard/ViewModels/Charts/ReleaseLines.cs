using DataProductDashboard.Services.Audit;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Dotted vertical "v2" lines for the model releases inside a charted time range, in the product's time zone,
/// labelled just above the plot area (so the labels never cover a point) or, on the time-series charts, just inside it.</summary>
public static class ReleaseLines
{
    public static void Add(Layout layout, IReadOnlyList<ReleaseMarker> releases, DateTime first, DateTime last,
        Formatting.ZonedDisplay? zone = null, bool labelInside = false) =>
        Draw(layout, TimeSeriesFigureBuilder.ReleasesInRange(releases, first, last), zone ?? Formatting.ZonedDisplay.Utc, labelInside);

    /// <summary>The releases inside the chosen window (from inclusive, to exclusive), on the same zone as the points.</summary>
    public static void Add(Layout layout, IReadOnlyList<ReleaseMarker> releases, Time.TimeWindow window,
        Formatting.ZonedDisplay zone, bool labelInside = false) =>
        Draw(layout, releases.Where(r => window.Contains(r.At)), zone, labelInside);

    private static void Draw(Layout layout, IEnumerable<ReleaseMarker> releases, Formatting.ZonedDisplay zone, bool labelInside)
    {
        foreach (var release in releases)
        {
            layout.Shapes.Add(new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                XRef = "x", YRef = "paper", X0 = zone.Local(release.At), X1 = zone.Local(release.At), Y0 = 0, Y1 = 1,
                Line = new ShapeLine { Color = ChartStyle.Release, Dash = "dot", Width = 1.5m },
            });
            layout.Annotations.Add(new Annotation
            {
                Text = TimeSeriesFigureBuilder.ReleaseLabel(release),
                HoverText = $"Version {release.Version} ({Formatting.Display.Trainer(release.Trainer)}) champion from {zone.Absolute(release.At)}",
                X = zone.Local(release.At), XRef = "x", Y = 1, YRef = "paper", ShowArrow = false,
                XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
                YAnchor = labelInside ? Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top : Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = ChartStyle.Release, Size = 11 },
            });
        }
    }
}
