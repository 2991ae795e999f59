using System.Net;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>A heat strip of gate outcomes: one row per rule, one square per batch (or candidate version) it judged,
/// placed at the batch's time and coloured by status (one trace per status, so the legend explains the colours);
/// hovering a square shows the rule, the status, the actual value and the outcome's sentence. Model releases are
/// dotted vertical lines.</summary>
public static class GateHistoryFigureBuilder
{
    public const string XTitle = "Batch received (UTC)";

    /// <summary>The time axis title in <paramref name="zone"/>.</summary>
    public static string XTitleIn(Formatting.ZonedDisplay zone) => zone.IsUtc ? XTitle : $"Batch received ({zone.Name})";
    public const string YTitle = "Gate rule";
    public const int MaxLabelLength = 42;

    public static ChartFigure Build(IReadOnlyList<GateHistoryRule> rules, IReadOnlyList<GateEvaluationView> evaluations, IReadOnlyList<ReleaseMarker> releases,
        Formatting.ZonedDisplay? zone = null, Time.TimeWindow? window = null)
    {
        zone ??= Formatting.ZonedDisplay.Utc;
        var labels = RowLabels(rules, evaluations);
        var rows = labels.Values.Distinct().ToList();
        var layout = ChartStyle.BaseLayout(Math.Max(240, 110 + (30 * rows.Count)), legend: true);
        layout.HoverMode = HoverModeEnum.Closest;
        layout.Margin.B = 48;
        // Room for the rule names on the left (about 7 px per character at 12 px), besides the axis' own automargin.
        layout.Margin.L = Math.Clamp(40 + (7 * rows.DefaultIfEmpty("").Max(r => r.Length)), 80, 360);
        // Legend at the right, so that the release labels above the plot have the top margin to themselves.
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.V, X = 1.01m, Y = 1, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Top }];
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = XTitleIn(zone) }, Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }];
        // The chosen time range is the axis (ticks follow its span); without one the axis spans the outcomes.
        Time.TimeAxis.Apply(layout.XAxis[0], window ?? Time.TimeAxis.Around(evaluations.Select(e => e.At).ToList()), zone);
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle },
            Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category,
            CategoryOrder = Plotly.Blazor.LayoutLib.YAxisLib.CategoryOrderEnum.Array,
            // Categories are drawn bottom-up: reverse so the first rule is the top row.
            CategoryArray = Enumerable.Reverse(rows).Cast<object>().ToList(),
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
            FixedRange = true,
        }];
        var traces = new List<ITrace>();
        if (evaluations.Count == 0)
            return ChartStyle.Figure(traces, layout, true);

        foreach (var status in GateStatusStyle.Order)
        {
            var points = evaluations.Where(e => e.Status == status).OrderBy(e => e.At).ToList();
            if (points.Count == 0)
                continue;
            traces.Add(new Scatter
            {
                Name = GateText.Status(status),
                X = points.Select(e => (object)zone.Local(e.At)).ToList(),
                Y = points.Select(e => (object)labels[e.GateRuleId]).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new ScatterMarker
                {
                    Color = GateStatusStyle.Color(status),
                    Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Square,
                    Size = 13,
                    Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 },
                },
                HoverTextArray = points.Select(e => Hover(e, zone)).ToList(),
                HoverTemplate = "%{hovertext}<extra></extra>",
                CustomData = points.Select(e => (object)(e.BatchId ?? 0)).ToList(),
            });
        }
        if (window is null)
            ReleaseLines.Add(layout, releases, evaluations.Min(e => e.At), evaluations.Max(e => e.At), zone);
        else
            ReleaseLines.Add(layout, releases, window, zone);
        return ChartStyle.Figure(traces, layout, false);
    }

    /// <summary>Each rule's row label: its name, shortened for the axis, made unique with the rule id when two rules
    /// share a name. Rules appear in <paramref name="rules"/> order, then any other rule that has outcomes.</summary>
    public static IReadOnlyDictionary<int, string> RowLabels(IReadOnlyList<GateHistoryRule> rules, IReadOnlyList<GateEvaluationView> evaluations)
    {
        var judged = evaluations.Select(e => e.GateRuleId).ToHashSet();
        var ordered = rules.Where(r => judged.Contains(r.Id))
            .Concat(evaluations.GroupBy(e => e.GateRuleId).Where(g => rules.All(r => r.Id != g.Key)).OrderBy(g => g.Key).Select(g => new GateHistoryRule(g.Key, g.First().RuleName)))
            .ToList();
        var shortNames = ordered.ToDictionary(r => r.Id, r => Shorten(r.Name));
        var duplicated = shortNames.Values.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var labels = new Dictionary<int, string>();
        foreach (var rule in ordered)
            labels[rule.Id] = duplicated.Contains(shortNames[rule.Id]) ? $"{shortNames[rule.Id]} (#{rule.Id})" : shortNames[rule.Id];
        return labels;
    }

    public static string Shorten(string name) => name.Length <= MaxLabelLength ? name : name[..(MaxLabelLength - 1)].TrimEnd() + "…";

    /// <summary>"<b>Latency p95 &lt; 500</b><br>Failed · batch #12<br>Actual 612.5<br>Latency p95 612.5 ≥ threshold 500".</summary>
    public static string Hover(GateEvaluationView e, Formatting.ZonedDisplay? zone = null)
    {
        zone ??= Formatting.ZonedDisplay.Utc;
        var subject = e.BatchId is not null ? $"batch {BatchLabel.Of(e.BatchNumber ?? 0)}" : e.ModelVersionId is { } v ? $"model version #{v}" : "";
        var actual = e.Actual is { } a ? $"<br>Actual {GateEvaluator.Format(a)}{(e.Compared is { } c ? $" vs {GateEvaluator.Format(c)}" : "")}" : "";
        return $"<b>{WebUtility.HtmlEncode(e.RuleName)}</b><br>{GateText.Status(e.Status)} · {subject} · {zone.Absolute(e.At)}{actual}<br>{WebUtility.HtmlEncode(e.Description)}";
    }
}
