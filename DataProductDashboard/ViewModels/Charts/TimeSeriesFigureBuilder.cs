using System.Globalization;
using DataProductDashboard.Services.Audit;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Turns a <see cref="TimeSeriesSpec"/> into a Plotly figure: one line+markers trace per series, a band as
/// two traces filled between them, a dashed horizontal line with its label, and a dotted vertical line per model
/// release ("v2") that falls inside the charted time range. With a <see cref="TimeSeriesSpec.Window"/> the x axis is
/// exactly that range, its ticks follow its span, and the points outside it are counted in the figure's note.</summary>
public static class TimeSeriesFigureBuilder
{
    public static ChartFigure Build(TimeSeriesSpec spec)
    {
        var window = spec.Window;
        bool Inside(DateTime at) => window is null || window.Contains(at);
        var all = spec.Lines.Select(l => l with { Points = l.Points.Where(p => double.IsFinite(p.Value)).ToList() }).ToList();
        var (before, after) = Time.TimeAxis.Outside(all.SelectMany(l => l.Points.Select(p => p.At)), window);
        var finite = all.Select(l => l with { Points = l.Points.Where(p => Inside(p.At)).ToList() }).ToList();
        var bands = (spec.Band is null ? spec.MoreBands : [spec.Band, .. spec.MoreBands])
            .Select(b => (Band: b, Points: b.Points.Where(p => double.IsFinite(p.Low) && double.IsFinite(p.High) && Inside(p.At)).ToList()))
            .Where(b => b.Points.Count > 0).ToList();
        var times = finite.SelectMany(l => l.Points.Select(p => p.At)).Concat(bands.SelectMany(b => b.Points.Select(p => p.At))).ToList();
        var isEmpty = times.Count == 0;
        var note = Time.TimeAxis.OutsideNote(before, after);
        var traces = new List<ITrace>();
        var legend = finite.Count(l => l.Points.Count > 0) + bands.Count > 1;
        var layout = ChartStyle.BaseLayout(spec.Height, legend);
        layout.HoverMode = HoverModeEnum.XUnified;
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = spec.XTitle ?? $"Batch received ({spec.Zone.Name})" } }];
        Time.TimeAxis.Apply(layout.XAxis[0], window ?? Time.TimeAxis.Around(times), spec.Zone);
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = spec.YTitle },
            RangeMode = spec.FromZero ? Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero : Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.Normal,
            TickFormat = spec.Percent ? ".0%" : null,
            HoverFormat = spec.Percent ? ".2%" : ".4~g",
        }];
        if (isEmpty)
            return ChartStyle.Figure(traces, layout, true) with { Note = note };

        foreach (var (band, points) in bands)
        {
            var color = band.Color ?? ChartStyle.Primary;
            traces.Add(new Scatter
            {
                Name = band.Name + " (high)",
                X = points.Select(p => (object)spec.Zone.Local(p.At)).ToList(),
                Y = points.Select(p => (object)p.High).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 0, Color = color },
                ShowLegend = false,
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
            traces.Add(new Scatter
            {
                Name = band.Name,
                X = points.Select(p => (object)spec.Zone.Local(p.At)).ToList(),
                Y = points.Select(p => (object)p.Low).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Width = 0, Color = color },
                Fill = Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY,
                FillColor = Translucent(color),
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
        }
        for (var i = 0; i < finite.Count; i++)
        {
            var line = finite[i];
            if (line.Points.Count == 0)
                continue;
            var color = line.Color ?? ChartStyle.Palette[i % ChartStyle.Palette.Length];
            traces.Add(new Scatter
            {
                Name = line.Name,
                X = line.Points.Select(p => (object)spec.Zone.Local(p.At)).ToList(),
                Y = line.Points.Select(p => (object)p.Value).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Line = new ScatterLine { Color = color, Width = 2, Dash = line.Dashed ? "dash" : "solid" },
                Marker = new ScatterMarker { Color = color, Size = 5 },
            });
        }

        if (spec.Threshold is { } threshold && double.IsFinite(threshold))
        {
            layout.Shapes.Add(new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = threshold, Y1 = threshold,
                Line = new ShapeLine { Color = ChartStyle.Threshold, Dash = "dash", Width = 2 },
            });
            layout.Annotations.Add(new Annotation
            {
                Text = spec.ThresholdLabel ?? Format(threshold, spec.Percent),
                XRef = "paper", X = 1, YRef = "y", Y = threshold, ShowArrow = false,
                XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right,
                YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = ChartStyle.Threshold, Size = 11 },
            });
        }

        if (window is null)
            ReleaseLines.Add(layout, spec.Releases, times.Min(), times.Max(), spec.Zone, labelInside: true);
        else
            ReleaseLines.Add(layout, spec.Releases, window, spec.Zone, labelInside: true);
        ClipOutliers(layout, spec, finite, bands.SelectMany(b => b.Points.Select(p => p.Low)));
        return ChartStyle.Figure(traces, layout, false) with { Note = note };
    }

    /// <summary>With <see cref="TimeSeriesSpec.ClipOutliers"/>: stops the y axis above the bulk of the lines' values when
    /// a few points are far above it, and says so in a note above the plot's top right corner ("1 point above
    /// 5,000 µs not shown"); the unified hover still gives the hidden points' values.</summary>
    private static void ClipOutliers(Layout layout, TimeSeriesSpec spec, IReadOnlyList<TimeSeriesLine> lines, IEnumerable<double> bandLows)
    {
        var values = lines.SelectMany(l => l.Points.Select(p => p.Value)).ToList();
        if (!spec.ClipOutliers || OutlierClip.Of(values, spec.Threshold) is not { } clip)
            return;
        var low = values.Concat(bandLows).Where(double.IsFinite).Min();
        low = spec.FromZero ? Math.Min(0, low) : low - (0.05 * (clip.Top - low));
        layout.YAxis[0].Range = [low, clip.Top];
        layout.Annotations.Add(new Annotation
        {
            // The top is a round number: "5,000 µs", "30 µs", "0.003 s" (no trailing zeros).
            Text = clip.Note(v => spec.Percent ? Format(v, percent: true)
                : v.ToString("#,0.##########", CultureInfo.InvariantCulture) + (spec.Unit is { } unit ? " " + unit : "")),
            XRef = "paper", X = 1, YRef = "paper", Y = 1, ShowArrow = false,
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = ChartStyle.Release, Size = 11 },
        });
    }

    public static string ReleaseLabel(ReleaseMarker release) => $"v{release.Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Releases within the charted range (a release before the first point would stretch the axis and say nothing).</summary>
    public static IEnumerable<ReleaseMarker> ReleasesInRange(IReadOnlyList<ReleaseMarker> releases, DateTime first, DateTime last) =>
        releases.Where(r => r.At >= first && r.At <= last);

    private static string Format(double value, bool percent) => percent
        ? value.ToString("0.#%", CultureInfo.InvariantCulture)
        : Formatting.Display.Number(value);

    private static string Translucent(string hex)
    {
        var rgb = Convert.ToInt32(hex.TrimStart('#'), 16);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({(rgb >> 16) & 255},{(rgb >> 8) & 255},{rgb & 255},0.18)");
    }
}
