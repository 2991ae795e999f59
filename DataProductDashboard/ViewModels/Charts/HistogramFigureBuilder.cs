using System.Globalization;
using DataProductDashboard.Domain;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Histogram = DataProductDashboard.Analysis.Statistics.Histogram;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Turns a stored <see cref="Histogram"/> into a Plotly bar chart: one bar per bin at the bin centre, as
/// wide as the bin, hover text with the bin range, axis titles with units and an optional dashed marker (e.g. the mean).</summary>
public static class HistogramFigureBuilder
{
    public const string BarColor = "#1e5aa8";
    public const string MarkerColor = "#d35400";

    /// <summary>The x-axis title for a prediction distribution: "Predicted cnt (label units)" or "P(credit_risk = 2) (probability 0–1)".</summary>
    public static string PredictionAxisTitle(TaskType task, string? labelName, string? positiveClass) => task switch
    {
        TaskType.Regression => $"Predicted {labelName ?? "value"} (label units)",
        _ => $"P({labelName ?? "label"} = {positiveClass ?? "positive class"}) (probability 0–1)",
    };

    public static HistogramFigure Build(Histogram? histogram, string xTitle, string yTitle = "Rows", double? marker = null, string? markerLabel = null)
    {
        var edges = histogram?.Edges ?? [];
        var counts = histogram?.Counts ?? [];
        var isEmpty = counts.Length == 0 || edges.Length != counts.Length + 1 || counts.All(c => c == 0);
        var centres = new List<object>(counts.Length);
        var heights = new List<object>(counts.Length);
        var ranges = new List<object>(counts.Length);
        if (!isEmpty)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                centres.Add((edges[i] + edges[i + 1]) / 2);
                heights.Add(counts[i]);
                var close = i == counts.Length - 1 ? "]" : ")";
                ranges.Add(string.Create(CultureInfo.InvariantCulture, $"[{edges[i]:G4}, {edges[i + 1]:G4}{close}"));
            }
        }
        var width = isEmpty ? (decimal?)null : (decimal)((edges[^1] - edges[0]) / counts.Length);
        var bar = new Bar
        {
            Name = yTitle,
            X = centres,
            Y = heights,
            Width = width,
            CustomData = ranges,
            HoverTemplate = "%{customdata}<br>%{y} " + yTitle.ToLowerInvariant() + "<extra></extra>",
            Marker = new Plotly.Blazor.Traces.BarLib.Marker
            {
                Color = BarColor,
                Line = new Plotly.Blazor.Traces.BarLib.MarkerLib.Line { Color = "#ffffff", Width = 1 },
            },
        };
        var layout = new Layout
        {
            Height = 380,
            Margin = new Margin { L = 64, R = 24, T = 32, B = 64 },
            BarGap = 0,
            ShowLegend = false,
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "rgba(0,0,0,0)",
            Font = new Font { Family = "system-ui, -apple-system, 'Segoe UI', Arial, sans-serif", Size = 12 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
            YAxis = [new YAxis
            {
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle },
                RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
            }],
            Shapes = [],
            Annotations = [],
        };
        if (!isEmpty && marker is { } m && double.IsFinite(m))
        {
            layout.Shapes.Add(new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                XRef = "x", YRef = "paper", X0 = m, X1 = m, Y0 = 0, Y1 = 1,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = MarkerColor, Dash = "dash", Width = 2 },
            });
            layout.Annotations.Add(new Annotation
            {
                Text = markerLabel ?? string.Create(CultureInfo.InvariantCulture, $"{m:G4}"),
                X = m, XRef = "x", Y = 1, YRef = "paper", ShowArrow = false,
                XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
                YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            });
        }
        var config = new Config { Responsive = true, DisplayLogo = false };
        return new HistogramFigure([bar], ChartStyle.FitAxisTitles(layout), config, isEmpty, counts.Sum());
    }
}
