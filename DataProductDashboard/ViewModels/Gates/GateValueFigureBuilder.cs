using System.Globalization;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>One rule's judged values over time: the actual value as a line with markers coloured by outcome, the
/// rule's threshold (two for "between") as dashed lines, and for relative rules the compared value (reference or
/// champion) and the allowed limit it implies. Model releases are dotted vertical lines.</summary>
public static class GateValueFigureBuilder
{
    public const string XTitle = "Batch received (UTC)";

    /// <summary>The time axis title in <paramref name="zone"/>.</summary>
    public static string XTitleIn(Formatting.ZonedDisplay zone) => zone.IsUtc ? XTitle : $"Batch received ({zone.Name})";

    public static ChartFigure Build(GateRuleView rule, IReadOnlyList<GateEvaluationView> evaluations, IReadOnlyList<ReleaseMarker> releases,
        Formatting.ZonedDisplay? zone = null, Time.TimeWindow? window = null)
    {
        zone ??= Formatting.ZonedDisplay.Utc;
        var points = evaluations.Where(e => e.GateRuleId == rule.Id && e.Actual is { } a && double.IsFinite(a)).OrderBy(e => e.At).ToList();
        var layout = ChartStyle.BaseLayout(320, legend: true);
        layout.HoverMode = HoverModeEnum.Closest;
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = XTitleIn(zone) }, Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }];
        // The chosen time range is the axis (ticks follow its span); without one the axis spans the outcomes.
        Time.TimeAxis.Apply(layout.XAxis[0], window ?? Time.TimeAxis.Around(points.Select(e => e.At).ToList()), zone);
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle(rule) }, HoverFormat = ".4~g", AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True }];
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.V, X = 1.01m, Y = 1, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Top }];
        var traces = new List<ITrace>();
        if (points.Count == 0)
            return ChartStyle.Figure(traces, layout, true);

        traces.Add(new Scatter
        {
            Name = "Actual value",
            X = points.Select(p => (object)zone.Local(p.At)).ToList(),
            Y = points.Select(p => (object)p.Actual!.Value).ToList(),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new ScatterLine { Color = ChartStyle.Primary, Width = 1.5m },
            HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
        });
        var compared = points.Where(p => p.Compared is { } c && double.IsFinite(c)).ToList();
        if (compared.Count > 0)
        {
            var against = rule.Condition == GateCondition.RelativeToChampion ? "Champion value" : "Reference value";
            traces.Add(Line(against, compared, p => p.Compared!.Value, ChartStyle.Reference, "dash", zone));
            var (low, high) = rule.Bound switch
            {
                RelativeBound.NotBelow => (true, false),
                RelativeBound.NotAbove => (false, true),
                _ => (true, true),
            };
            if (low)
                traces.Add(Line(high ? "Allowed limit (low)" : "Allowed limit", compared, p => Limit(rule, p.Compared!.Value, -1), ChartStyle.Threshold, "dot", zone));
            if (high)
                traces.Add(Line(low ? "Allowed limit (high)" : "Allowed limit", compared, p => Limit(rule, p.Compared!.Value, +1), ChartStyle.Threshold, "dot", zone));
        }
        foreach (var status in GateStatusStyle.Order)
        {
            var judged = points.Where(p => p.Status == status).ToList();
            if (judged.Count == 0)
                continue;
            traces.Add(new Scatter
            {
                Name = GateText.Status(status),
                X = judged.Select(p => (object)zone.Local(p.At)).ToList(),
                Y = judged.Select(p => (object)p.Actual!.Value).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new ScatterMarker { Color = GateStatusStyle.Color(status), Size = 9, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 } },
                HoverTextArray = judged.Select(e => GateHistoryFigureBuilder.Hover(e, zone)).ToList(),
                HoverTemplate = "%{hovertext}<extra></extra>",
            });
        }
        foreach (var (value, label) in Thresholds(rule))
            AddThreshold(layout, value, label);
        if (window is null)
            ReleaseLines.Add(layout, releases, points[0].At, points[^1].At, zone);
        else
            ReleaseLines.Add(layout, releases, window, zone);
        return ChartStyle.Figure(traces, layout, false);
    }

    /// <summary>"Missing share of 'temp' (share)", "Latency p95 (µs)", "MAE".</summary>
    public static string YTitle(GateRuleView rule)
    {
        var subject = MetricCatalog.Describe(new MetricAddress(rule.MetricKey, rule.Column, rule.Segment));
        var unit = MetricCatalog.Find(rule.MetricKey)?.Unit ?? "";
        return unit == "" ? subject : $"{subject} ({unit})";
    }

    /// <summary>The fixed lines an absolute rule draws: its threshold, or the two bounds of "between"; none for relative rules.</summary>
    public static IReadOnlyList<(double Value, string Label)> Thresholds(GateRuleView rule)
    {
        string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        return rule.Condition switch
        {
            GateCondition.Between when rule.UpperThreshold is { } upper => [(rule.Threshold, $"lower bound {N(rule.Threshold)}"), (upper, $"upper bound {N(upper)}")],
            GateCondition.Between => [(rule.Threshold, $"lower bound {N(rule.Threshold)}")],
            GateCondition.Gt or GateCondition.Gte or GateCondition.Lt or GateCondition.Lte or GateCondition.Eq =>
                [(rule.Threshold, $"threshold {GateText.ShortCondition(rule.Condition, rule.Threshold, null, rule.Bound, rule.Unit)}")],
            _ => [],
        };
    }

    /// <summary>The value a relative rule allows at most (<paramref name="side"/> +1) or at least (−1) given the compared value.</summary>
    public static double Limit(GateRuleView rule, double compared, int side)
    {
        var allowed = rule.Unit == ToleranceUnit.Percent ? Math.Abs(compared) * rule.Threshold / 100 : rule.Threshold;
        return compared + (side * allowed);
    }

    private static Scatter Line(string name, List<GateEvaluationView> points, Func<GateEvaluationView, double> value, string color, string dash,
        Formatting.ZonedDisplay zone) => new()
    {
        Name = name,
        X = points.Select(p => (object)zone.Local(p.At)).ToList(),
        Y = points.Select(p => (object)value(p)).ToList(),
        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
        Line = new ScatterLine { Color = color, Width = 1.5m, Dash = dash },
    };

    private static void AddThreshold(Layout layout, double value, string label)
    {
        layout.Shapes.Add(new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = value, Y1 = value,
            Line = new ShapeLine { Color = ChartStyle.Threshold, Dash = "dash", Width = 2 },
        });
        layout.Annotations.Add(new Annotation
        {
            Text = label, XRef = "paper", X = 1, YRef = "y", Y = value, ShowArrow = false,
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = ChartStyle.Threshold, Size = 11 },
        });
    }
}
