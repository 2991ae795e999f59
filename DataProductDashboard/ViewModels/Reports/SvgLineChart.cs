using System.Globalization;
using System.Security;
using System.Text;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.ViewModels.Reports;

/// <summary>A static SVG line chart of a <see cref="TimeSeriesSpec"/>, drawn on the server where no browser (and so no
/// Plotly) runs: the lines with markers, the y axis with its title and about five round ticks (percentages when the
/// spec says so), dates along the time axis, the threshold as a dashed red line with its label, model releases as
/// dotted vertical lines, a legend when there is more than one line, and an empty state. Bands are not drawn.
/// Deterministic and invariant-culture; every text is XML-escaped.</summary>
public static class SvgLineChart
{
    public const int DefaultWidth = 720;
    public const int DefaultHeight = 280;
    private const double Left = 72, Right = 24, Top = 30, Bottom = 48;
    private const int MarkersUpTo = 80;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(TimeSeriesSpec spec, string title, int width = DefaultWidth, int height = DefaultHeight)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" ")
            .Append(Invariant, $"font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\"><title>{Escape(title)}</title>")
            .Append(Invariant, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        var lines = spec.Lines.Select(l => l with { Points = l.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.At).ToList() })
            .Where(l => l.Points.Count > 0).ToList();
        if (lines.Count == 0)
        {
            svg.Append(Invariant, $"<text x=\"{width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\" fill=\"#666666\" font-size=\"14\">No values yet</text></svg>");
            return svg.ToString();
        }

        var plot = new Plot(Left, Top, width - Left - Right, height - Top - Bottom);
        var times = lines.SelectMany(l => l.Points.Select(p => spec.Zone.Local(p.At))).ToList();
        var (x0, x1) = (times.Min(), times.Max());
        if (x0 == x1)
            (x0, x1) = (x0.AddHours(-12), x1.AddHours(12));
        var values = lines.SelectMany(l => l.Points.Select(p => p.Value)).ToList();
        if (spec.Threshold is { } t && double.IsFinite(t))
            values.Add(t);
        var (yMin, yMax, step) = Scale(values.Min(), values.Max(), spec.FromZero);
        double X(DateTime at) => plot.X + (plot.Width * (at - x0).TotalSeconds / (x1 - x0).TotalSeconds);
        double Y(double v) => plot.Y + plot.Height - (plot.Height * (v - yMin) / (yMax - yMin));

        // Grid and y ticks.
        var ticks = (int)Math.Round((yMax - yMin) / step);
        for (var k = 0; k <= ticks; k++)
        {
            var v = yMin + (k * step);
            var y = Y(v);
            svg.Append(Invariant, $"<line x1=\"{N(plot.X)}\" y1=\"{N(y)}\" x2=\"{N(plot.X + plot.Width)}\" y2=\"{N(y)}\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>")
                .Append(Invariant, $"<text x=\"{N(plot.X - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" fill=\"#444444\">{Escape(Tick(v, spec.Percent))}</text>");
        }
        svg.Append(Invariant, $"<rect x=\"{N(plot.X)}\" y=\"{N(plot.Y)}\" width=\"{N(plot.Width)}\" height=\"{N(plot.Height)}\" fill=\"none\" stroke=\"#9e9e9e\" stroke-width=\"1\"/>");
        // Time ticks: five dates (with hours when the span is under three days).
        var withHours = (x1 - x0).TotalDays < 3;
        for (var i = 0; i <= 4; i++)
        {
            var at = x0 + ((x1 - x0) * (i / 4.0));
            var anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            svg.Append(Invariant, $"<text x=\"{N(X(at))}\" y=\"{N(plot.Y + plot.Height + 16)}\" text-anchor=\"{anchor}\" fill=\"#444444\">")
                .Append(Escape(at.ToString(withHours ? "MM-dd HH:mm" : "yyyy-MM-dd", Invariant))).Append("</text>");
        }
        // Axis titles.
        svg.Append(Invariant, $"<text x=\"{N(plot.X + (plot.Width / 2))}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"#222222\">{Escape(spec.XTitle ?? $"Batch received ({spec.Zone.Name})")}</text>")
            .Append(Invariant, $"<text transform=\"translate(14 {N(plot.Y + (plot.Height / 2))}) rotate(-90)\" text-anchor=\"middle\" fill=\"#222222\">{Escape(spec.YTitle)}</text>");

        foreach (var release in spec.Releases.Select(r => (r.Version, At: spec.Zone.Local(r.At))).Where(r => r.At >= x0 && r.At <= x1))
        {
            var x = X(release.At);
            svg.Append(Invariant, $"<line x1=\"{N(x)}\" y1=\"{N(plot.Y)}\" x2=\"{N(x)}\" y2=\"{N(plot.Y + plot.Height)}\" stroke=\"{ChartStyle.Release}\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>")
                .Append(Invariant, $"<text x=\"{N(x + 3)}\" y=\"{N(plot.Y + 12)}\" fill=\"{ChartStyle.Release}\">v{release.Version}</text>");
        }
        if (spec.Threshold is { } threshold && double.IsFinite(threshold))
        {
            var y = Y(threshold);
            svg.Append(Invariant, $"<line x1=\"{N(plot.X)}\" y1=\"{N(y)}\" x2=\"{N(plot.X + plot.Width)}\" y2=\"{N(y)}\" stroke=\"{ChartStyle.Threshold}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
                .Append(Invariant, $"<text x=\"{N(plot.X + plot.Width - 4)}\" y=\"{N(y - 4)}\" text-anchor=\"end\" fill=\"{ChartStyle.Threshold}\" {Halo}>")
                .Append(Escape(spec.ThresholdLabel ?? Tick(threshold, spec.Percent))).Append("</text>");
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var color = line.Color ?? ChartStyle.Palette[i % ChartStyle.Palette.Length];
            var points = string.Join(' ', line.Points.Select(p => $"{N(X(spec.Zone.Local(p.At)))},{N(Y(p.Value))}"));
            svg.Append(Invariant, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" stroke-linejoin=\"round\"{(line.Dashed ? " stroke-dasharray=\"5 4\"" : "")} points=\"{points}\"/>");
            if (line.Points.Count <= MarkersUpTo)
            {
                foreach (var p in line.Points)
                    svg.Append(Invariant, $"<circle cx=\"{N(X(spec.Zone.Local(p.At)))}\" cy=\"{N(Y(p.Value))}\" r=\"2.5\" fill=\"{color}\"/>");
            }
        }
        if (lines.Count > 1)
        {
            var x = plot.X;
            foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            {
                var color = line.Color ?? ChartStyle.Palette[i % ChartStyle.Palette.Length];
                svg.Append(Invariant, $"<line x1=\"{N(x)}\" y1=\"{N(Top - 12)}\" x2=\"{N(x + 18)}\" y2=\"{N(Top - 12)}\" stroke=\"{color}\" stroke-width=\"2\"/>")
                    .Append(Invariant, $"<text x=\"{N(x + 22)}\" y=\"{N(Top - 8)}\" fill=\"#222222\">{Escape(line.Name)}</text>");
                x += 30 + (line.Name.Length * 6.5);
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>An axis from about <paramref name="min"/> to <paramref name="max"/> in round steps (1, 2, 2.5 or 5 × 10ⁿ,
    /// about four of them), starting at zero when asked and the values are not negative.</summary>
    public static (double Min, double Max, double Step) Scale(double min, double max, bool fromZero)
    {
        if (fromZero && min > 0)
            min = 0;
        if (max - min < 1e-12)
        {
            var pad = Math.Abs(max) > 1e-12 ? Math.Abs(max) * 0.1 : 1;
            var nonNegative = min >= 0;
            (min, max) = (min - pad, max + pad);
            if (fromZero && nonNegative)
                min = 0;
        }
        var raw = (max - min) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static string Tick(double value, bool percent) => percent
        ? (value * 100).ToString("0.##", Invariant) + "%"
        : Math.Abs(value) < 1e-12 ? "0" : value.ToString("#,0.####", Invariant);

    /// <summary>A white outline behind a label, so a line under it does not cross the letters.</summary>
    private const string Halo = "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

    private static string N(double value) => value.ToString("0.##", Invariant);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private readonly record struct Plot(double X, double Y, double Width, double Height);
}
