using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Gates;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GateHistoryFigureBuilderTests
{
    private static readonly DateTime T0 = new(2011, 7, 4, 6, 0, 0, DateTimeKind.Utc);

    private static GateEvaluationView Outcome(int ruleId, string rule, int week, GateStatus status, double? actual = 1, string description = "d") =>
        new(ruleId * 100 + week, ruleId, rule, GateScope.Batch, GateSeverity.Critical, 10 + week, 1, status, actual, null, description, T0.AddDays(7 * week));

    [Fact]
    public void Build_Outcomes_OneSquareTracePerStatusInBestToWorstOrderWithRuleRowsTopDown()
    {
        GateHistoryRule[] rules = [new(1, "Rows ≥ 5"), new(2, "Latency p95 < 100")];
        GateEvaluationView[] outcomes =
        [
            Outcome(2, "Latency p95 < 100", 0, GateStatus.Failed, 120),
            Outcome(1, "Rows ≥ 5", 0, GateStatus.Passed),
            Outcome(1, "Rows ≥ 5", 1, GateStatus.Warning),
            Outcome(2, "Latency p95 < 100", 1, GateStatus.Passed, 80),
        ];

        var figure = GateHistoryFigureBuilder.Build(rules, outcomes, []);

        Assert.False(figure.IsEmpty);
        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["Passed", "Warning", "Failed"], traces.Select(t => t.Name));
        Assert.Equal([GateStatusStyle.Passed, GateStatusStyle.Warning, GateStatusStyle.Failed], traces.Select(t => (string)t.Marker.Color));
        Assert.All(traces, t => Assert.Equal(Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Square, t.Marker.Symbol));
        Assert.Equal(new object[] { T0, T0.AddDays(7) }, traces[0].X);
        Assert.Equal(new object[] { "Rows ≥ 5", "Latency p95 < 100" }, traces[0].Y);
        Assert.Equal(new object[] { 10, 11 }, traces[0].CustomData);
        Assert.Equal(new object[] { "Latency p95 < 100", "Rows ≥ 5" }, figure.Layout.YAxis[0].CategoryArray);
        Assert.Equal(GateHistoryFigureBuilder.YTitle, figure.Layout.YAxis[0].Title.Text);
        Assert.Equal(GateHistoryFigureBuilder.XTitle, figure.Layout.XAxis[0].Title.Text);
        Assert.True(figure.Layout.ShowLegend);
    }

    [Fact]
    public void Build_NoOutcomes_IsEmptyButKeepsItsAxes()
    {
        var figure = GateHistoryFigureBuilder.Build([new(1, "Rows ≥ 5")], [], []);

        Assert.True(figure.IsEmpty);
        Assert.Empty(figure.Data);
        Assert.Equal(GateHistoryFigureBuilder.YTitle, figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void Build_ManyRules_GrowsOneRowAtATime()
    {
        var small = GateHistoryFigureBuilder.Build([], [Outcome(1, "a", 0, GateStatus.Passed)], []);
        var rules = Enumerable.Range(1, 20).Select(i => Outcome(i, $"rule {i}", 0, GateStatus.Passed)).ToList();
        var large = GateHistoryFigureBuilder.Build([], rules, []);

        Assert.Equal(240, small.Layout.Height);
        Assert.Equal(110 + (30 * 20), large.Layout.Height);
    }

    [Fact]
    public void RowLabels_SharedOrLongNames_AreShortenedAndMadeUniqueWithTheRuleId()
    {
        var longName = new string('x', 60);
        GateHistoryRule[] rules = [new(3, "Rows ≥ 5"), new(1, "Rows ≥ 5"), new(2, longName), new(9, "never judged")];
        GateEvaluationView[] outcomes =
        [
            Outcome(1, "Rows ≥ 5", 0, GateStatus.Passed), Outcome(2, longName, 0, GateStatus.Passed), Outcome(3, "Rows ≥ 5", 0, GateStatus.Passed),
            Outcome(7, "deleted from the list", 0, GateStatus.Failed),
        ];

        var labels = GateHistoryFigureBuilder.RowLabels(rules, outcomes);

        Assert.Equal([3, 1, 2, 7], labels.Keys);
        Assert.Equal("Rows ≥ 5 (#3)", labels[3]);
        Assert.Equal("Rows ≥ 5 (#1)", labels[1]);
        Assert.Equal(GateHistoryFigureBuilder.MaxLabelLength, labels[2].Length);
        Assert.EndsWith("…", labels[2]);
        Assert.Equal("deleted from the list", labels[7]);
    }

    [Fact]
    public void Hover_ShowsRuleStatusBatchActualAndTheEscapedSentence()
    {
        var outcome = new GateEvaluationView(1, 2, "Latency <b>p95</b>", GateScope.Batch, GateSeverity.Warning, 12, 1, GateStatus.Warning, 612.5, 400,
            "Latency p95 612.5 ≥ threshold 500 & more", T0) { BatchNumber = 12 };

        var text = GateHistoryFigureBuilder.Hover(outcome);

        Assert.Equal("<b>Latency &lt;b&gt;p95&lt;/b&gt;</b><br>Warning · batch #12 · 2011-07-04 06:00 UTC<br>Actual 612.5 vs 400<br>Latency p95 612.5 ≥ threshold 500 &amp; more", text);
    }

    [Fact]
    public void Hover_ReleaseOutcomeWithoutValue_NamesTheModelVersion()
    {
        var outcome = new GateEvaluationView(1, 2, "Hold-out MAE", GateScope.Release, GateSeverity.Critical, null, 4, GateStatus.Skipped, null, null, "no value", T0);

        Assert.Equal("<b>Hold-out MAE</b><br>Skipped · model version #4 · 2011-07-04 06:00 UTC<br>no value", GateHistoryFigureBuilder.Hover(outcome));
    }

    [Fact]
    public void Build_Releases_DrawsOnlyThoseInsideTheChartedRange()
    {
        ReleaseMarker[] releases = [new(1, T0.AddDays(-30), "FastTree"), new(2, T0.AddDays(3), "Sdca (Regression)"), new(3, T0.AddDays(60), "LightGbm")];

        var figure = GateHistoryFigureBuilder.Build([], [Outcome(1, "a", 0, GateStatus.Passed), Outcome(1, "a", 1, GateStatus.Failed)], releases);

        var line = Assert.Single(figure.Layout.Shapes);
        Assert.Equal(T0.AddDays(3), line.X0);
        Assert.Equal("dot", line.Line.Dash);
        var label = Assert.Single(figure.Layout.Annotations);
        Assert.Equal("v2", label.Text);
        Assert.Contains("Sdca", label.HoverText);
    }
}
