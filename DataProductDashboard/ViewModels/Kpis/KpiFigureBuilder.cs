using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;
using Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace DataProductDashboard.ViewModels.Kpis;

/// <summary>One KPI over time against its target band, with the audit on the same time axis: the values as a line with
/// markers coloured by status (incomplete periods hollow), per-arm lines when there are A/B values, the target as a
/// dashed line, the tolerance band shaded between the target and the band edge, the sustained off-target run shaded
/// and named by its classification, model releases as dotted vertical lines, and batches with dataset drift or failed
/// gates as symbols along the top (hover for the batch).</summary>
public static class KpiFigureBuilder
{
    /// <summary>The chart's marker colours; the legend under the chart uses the same (app.css .dpd-marker-*).</summary>
    public const string DriftColor = "#b54800";
    public const string GateColor = "#6a1b9a";
    public const string BandFill = "rgba(240,160,0,0.14)";
    public const string RunFill = "rgba(198,40,40,0.08)";
    /// <summary>Heights (0–1 of the plot) of the event rows along the top, on the hidden second y axis.</summary>
    public const double DriftRow = 0.97;
    public const double GateRow = 0.92;

    public const int DaysShown = 120;
    public const int WeeksShown = 78;

    /// <summary>Room on the right for the target and band-edge labels.</summary>
    public const int RightMargin = 110;

    private static readonly KpiStatus[] Statuses = [KpiStatus.OnTarget, KpiStatus.AtRisk, KpiStatus.OffTarget];

    /// <param name="window">The product's chosen time range on the KPI's period axis (the periods' event time): the
    /// axis spans it and the periods outside it are counted in the note. Null: the newest stretch (<see cref="InitialRange"/>).</param>
    /// <param name="releases">Release markers placed on this axis; null: the markers' promotion times.</param>
    public static ChartFigure Build(KpiDetail detail, int height = 400, Time.TimeWindow? window = null, IReadOnlyList<ReleaseMarker>? releases = null)
    {
        var kpi = detail.Definition;
        var layout = ChartStyle.BaseLayout(height, legend: true);
        layout.Margin = new Margin { L = 64, R = RightMargin, T = 40, B = 56 };
        layout.HoverMode = HoverModeEnum.Closest;
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = KpiDisplay.AxisTitle(kpi.Period) }, Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }];
        layout.YAxis =
        [
            new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle(kpi) }, HoverFormat = ".4~g", AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True },
            new YAxis { Overlaying = "y", Range = [0, 1], Visible = false, FixedRange = true },
        ];
        var all = detail.Values.Where(v => v.Arm is null && v.Value is { } x && double.IsFinite(x)).OrderBy(v => v.Period).ToList();
        var (before, after) = Time.TimeAxis.Outside(all.Select(p => p.Period), window);
        var note = Time.TimeAxis.OutsideNote(before, after, "period", "periods");
        var overall = window is null ? all : all.Where(p => window.Contains(p.Period)).ToList();
        var traces = new List<ITrace>();
        if (window is not null)
            Time.TimeAxis.Apply(layout.XAxis[0], window, Formatting.ZonedDisplay.Utc);
        if (overall.Count == 0)
            return ChartStyle.Figure(traces, layout, true) with { Note = note };

        var first = window?.From ?? overall[0].Period;
        var last = window?.To ?? KpiPeriods.Next(overall[^1].Period, kpi.Period);
        if (window is null && InitialRange(overall.Select(p => p.Period).ToList(), kpi.Period) is { } initial)
            layout.XAxis[0].Range = [initial.From, initial.To];
        traces.Add(new Scatter
        {
            Name = kpi.Name,
            X = overall.Select(p => (object)p.Period).ToList(),
            Y = overall.Select(p => (object)p.Value!.Value).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new ScatterLine { Color = ChartStyle.Primary, Width = 1.5m },
            HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            ShowLegend = false,
        });
        foreach (var status in Statuses)
        {
            var points = overall.Where(p => p.Complete && p.Status == status).ToList();
            if (points.Count > 0)
                traces.Add(Markers(KpiDisplay.Status(status), points, kpi, KpiDisplay.StatusColor(status), Symbol.Circle));
        }
        var open = overall.Where(p => !p.Complete).ToList();
        if (open.Count > 0)
            traces.Add(Markers("Incomplete (still open)", open, kpi, KpiDisplay.NoDataColor, Symbol.CircleOpen));
        foreach (var arm in detail.Values.Where(v => v.Arm is not null).Select(v => v.Arm!.Value).Distinct().Order())
        {
            var points = detail.Values.Where(v => v.Arm == arm && v.Value is not null && (window is null || window.Contains(v.Period))).OrderBy(v => v.Period).ToList();
            traces.Add(new Scatter
            {
                Name = arm == ExperimentArm.Champion ? "Champion arm" : "Challenger arm",
                X = points.Select(p => (object)p.Period).ToList(),
                Y = points.Select(p => (object)p.Value!.Value).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Color = arm == ExperimentArm.Champion ? ChartStyle.Reference : ChartStyle.Quaternary, Width = 1.5m, Dash = "dash" },
            });
        }

        AddBand(layout, kpi);
        if (detail.Overview.Drift is { } finding)
            AddRun(layout, finding, kpi.Period);
        ReleaseLines.Add(layout, releases ?? Releases(detail.Markers), first, last);
        AddEvents(traces, detail.Markers, KpiMarkerKind.DataDrift, "Data drift (batch)", DriftColor, Symbol.TriangleDown, DriftRow, first, last);
        AddEvents(traces, detail.Markers, KpiMarkerKind.FailedGate, "Failed gate (batch)", GateColor, Symbol.X, GateRow, first, last);
        return ChartStyle.Figure(traces, layout, false) with { Note = note };
    }

    /// <summary>Long daily or weekly histories open on their newest stretch (the last <see cref="DaysShown"/> days or
    /// <see cref="WeeksShown"/> weeks, with half a period of air); a double click on the chart shows everything. Null:
    /// show everything.</summary>
    public static (DateTime From, DateTime To)? InitialRange(IReadOnlyList<DateTime> periods, KpiPeriod period)
    {
        var shown = period switch
        {
            KpiPeriod.Day => DaysShown,
            KpiPeriod.Week => WeeksShown,
            _ => int.MaxValue,
        };
        if (periods.Count <= shown)
            return null;
        var last = periods[^1];
        var step = KpiPeriods.Next(last, period) - last;
        return (last - (step * (shown - 1)) - (step / 2), last + (step / 2));
    }

    /// <summary>"Daily rentals (rentals)", or the name alone without a unit.</summary>
    public static string YTitle(KpiDefinition kpi) => string.IsNullOrWhiteSpace(kpi.Unit) ? kpi.Name : $"{kpi.Name} ({kpi.Unit})";

    /// <summary>The release markers as the shared <see cref="ReleaseLines"/> draws them.</summary>
    public static IReadOnlyList<ReleaseMarker> Releases(IReadOnlyList<KpiMarker> markers) => markers
        .Where(m => m.Kind == KpiMarkerKind.Release && m.Version is not null)
        .Select(m => new ReleaseMarker(m.Version!.Value, m.At, m.Detail)).ToList();

    /// <summary>The markers of one kind inside the charted range [first, last).</summary>
    public static IReadOnlyList<KpiMarker> InRange(IReadOnlyList<KpiMarker> markers, KpiMarkerKind kind, DateTime first, DateTime last) =>
        markers.Where(m => m.Kind == kind && m.At >= first && m.At < last).OrderBy(m => m.At).ToList();

    public static string Hover(KpiPoint p, KpiDefinition kpi)
    {
        var gap = KpiDisplay.Gap(p.RelativeGap);
        var state = p.Complete ? KpiDisplay.Status(p.Status) : p.Pending ? "waiting for labels" : "incomplete: batches may still add to it";
        return $"{KpiDisplay.PeriodLabel(p.Period, kpi.Period)}<br>{KpiDisplay.Value(p.Value, kpi.Unit)}{(gap == "" ? "" : $" ({gap} vs target)")}<br>{state}"
            + $"<br>{KpiDisplay.Rows(p.Rows)} {(kpi.Source == KpiSource.Uploaded ? "value" : "rows")}";
    }

    private static Scatter Markers(string name, List<KpiPoint> points, KpiDefinition kpi, string color, Symbol symbol) => new()
    {
        Name = name,
        X = points.Select(p => (object)p.Period).ToList(),
        Y = points.Select(p => (object)p.Value!.Value).ToList(),
        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
        Marker = new ScatterMarker
        {
            Color = color, Size = points.Count > 200 ? 5 : 8, Symbol = symbol,
            Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = symbol == Symbol.Circle ? "#ffffff" : color, Width = 1 },
        },
        HoverTextArray = points.Select(p => Hover(p, kpi)).ToList(),
        HoverTemplate = "%{hovertext}<extra></extra>",
    };

    private static void AddBand(Layout layout, KpiDefinition kpi)
    {
        var target = new KpiTarget(kpi.Direction, kpi.Target, kpi.Tolerance);
        if (kpi.Tolerance > 0)
        {
            layout.Shapes.Add(new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
                XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = Math.Min(kpi.Target, target.BandEdge), Y1 = Math.Max(kpi.Target, target.BandEdge),
                FillColor = BandFill, Line = new ShapeLine { Width = 0 },
            });
            layout.Annotations.Add(Label($"band edge {KpiDisplay.Number(target.BandEdge)}", target.BandEdge, KpiDisplay.AtRiskColor));
        }
        layout.Shapes.Add(new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = kpi.Target, Y1 = kpi.Target,
            Line = new ShapeLine { Color = KpiDisplay.OnTargetColor, Dash = "dash", Width = 2 },
        });
        layout.Annotations.Add(Label($"target {KpiDisplay.Number(kpi.Target)}", kpi.Target, KpiDisplay.OnTargetColor));
    }

    private static void AddRun(Layout layout, BusinessDriftFinding finding, KpiPeriod period)
    {
        layout.Shapes.Add(new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
            XRef = "x", YRef = "paper", X0 = finding.From, X1 = KpiPeriods.Next(finding.To, period), Y0 = 0, Y1 = 1,
            FillColor = RunFill, Line = new ShapeLine { Color = KpiDisplay.OffTargetColor, Width = 1, Dash = "dot" },
        });
        layout.Annotations.Add(new Annotation
        {
            Text = $"{KpiDisplay.Classification(finding.Classification)}: off target for {KpiPeriods.Count(finding.Periods, period)}",
            X = finding.From, XRef = "x", Y = 0, YRef = "paper", ShowArrow = false,
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = KpiDisplay.OffTargetColor, Size = 11 },
        });
    }

    private static void AddEvents(List<ITrace> traces, IReadOnlyList<KpiMarker> markers, KpiMarkerKind kind, string name, string color, Symbol symbol,
        double row, DateTime first, DateTime last)
    {
        var events = InRange(markers, kind, first, last);
        if (events.Count == 0)
            return;
        traces.Add(new Scatter
        {
            Name = name,
            YAxis = "y2",
            X = events.Select(m => (object)m.At).ToList(),
            Y = events.Select(_ => (object)row).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Marker = new ScatterMarker { Color = color, Size = 8, Symbol = symbol },
            HoverTextArray = events.Select(m => $"{m.Label}<br>{m.Detail}<br>{Display.Absolute(m.At)}").ToList(),
            HoverTemplate = "%{hovertext}<extra></extra>",
        });
    }

    /// <summary>A label in the right margin, level with a horizontal line (so it never covers a point).</summary>
    private static Annotation Label(string text, double y, string color) => new()
    {
        Text = text, XRef = "paper", X = 1.005m, YRef = "y", Y = y, ShowArrow = false,
        XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Middle,
        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = color, Size = 11 },
    };
}
