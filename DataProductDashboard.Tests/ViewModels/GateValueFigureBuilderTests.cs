using DataProductDashboard.Analysis;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Gates;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GateValueFigureBuilderTests
{
    private static readonly DateTime T0 = new(2011, 7, 4, 6, 0, 0, DateTimeKind.Utc);

    private static GateRuleView Rule(string key, string? column, GateCondition condition, double threshold, double? upper = null,
        RelativeBound bound = RelativeBound.NotBelow, ToleranceUnit unit = ToleranceUnit.Percent) =>
        new(7, 1, "rule", "rule text", GateScope.Batch, key, key, column, null, condition, threshold, upper, bound, unit, GateSeverity.Critical, "pm", true,
            T0, T0, null, null, null);

    private static GateEvaluationView Outcome(int week, GateStatus status, double? actual, double? compared = null, int ruleId = 7) =>
        new(week, ruleId, "rule", GateScope.Batch, GateSeverity.Critical, 10 + week, 1, status, actual, compared, "d", T0.AddDays(7 * week));

    [Fact]
    public void Build_AbsoluteRule_ActualLineStatusMarkersAndOneDashedThreshold()
    {
        var rule = Rule(MetricKeys.LatencyP95, null, GateCondition.Lt, 500);
        GateEvaluationView[] outcomes = [Outcome(1, GateStatus.Failed, 612.5), Outcome(0, GateStatus.Passed, 410), Outcome(2, GateStatus.Skipped, null), Outcome(3, GateStatus.Passed, 5, ruleId: 8)];

        var figure = GateValueFigureBuilder.Build(rule, outcomes, []);

        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["Actual value", "Passed", "Failed"], traces.Select(t => t.Name));
        Assert.Equal(new object[] { 410.0, 612.5 }, traces[0].Y);
        Assert.Equal(new object[] { T0, T0.AddDays(7) }, traces[0].X);
        Assert.Equal(GateStatusStyle.Failed, traces[2].Marker.Color);
        var threshold = Assert.Single(figure.Layout.Shapes);
        Assert.Equal((500.0, 500.0, "dash"), ((double)threshold.Y0!, (double)threshold.Y1!, threshold.Line.Dash));
        Assert.Equal("threshold < 500", Assert.Single(figure.Layout.Annotations).Text);
        Assert.Equal("Latency p95 (µs)", figure.Layout.YAxis[0].Title.Text);
        Assert.Equal(GateValueFigureBuilder.XTitle, figure.Layout.XAxis[0].Title.Text);
    }

    [Fact]
    public void Build_Between_DrawsTheLowerAndUpperBound()
    {
        var rule = Rule(AuditPoints.VolumeRatio, null, GateCondition.Between, 0.5, 2);

        var figure = GateValueFigureBuilder.Build(rule, [Outcome(0, GateStatus.Passed, 1.1)], []);

        Assert.Equal([0.5, 2.0], figure.Layout.Shapes.Select(s => (double)s.Y0!));
        Assert.Equal(["lower bound 0.5", "upper bound 2"], figure.Layout.Annotations.Select(a => a.Text));
        Assert.Equal("Volume vs usual (×)", figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void Build_RelativeRule_ComparedValueAndTheAllowedLimitInsteadOfAFixedThreshold()
    {
        var rule = Rule("perf.mae", null, GateCondition.RelativeToReference, 10, bound: RelativeBound.NotAbove);

        var figure = GateValueFigureBuilder.Build(rule, [Outcome(0, GateStatus.Passed, 21, 20), Outcome(1, GateStatus.Failed, 25, 20)], []);

        Assert.Empty(figure.Layout.Shapes);
        var traces = figure.Data.Cast<Scatter>().ToDictionary(t => t.Name);
        Assert.Equal(new object[] { 20.0, 20.0 }, traces["Reference value"].Y);
        Assert.Equal(new object[] { 22.0, 22.0 }, traces["Allowed limit"].Y);
        Assert.Equal("dot", traces["Allowed limit"].Line.Dash);
        Assert.Equal(ChartStyle.Threshold, traces["Allowed limit"].Line.Color);
        Assert.Equal("MAE", figure.Layout.YAxis[0].Title.Text);
    }

    [Theory]
    [InlineData(RelativeBound.NotBelow, ToleranceUnit.Percent, 5, 100, -1, 95)]
    [InlineData(RelativeBound.NotAbove, ToleranceUnit.Percent, 5, -100, 1, -95)]
    [InlineData(RelativeBound.Within, ToleranceUnit.Absolute, 0.02, 0.8, 1, 0.82)]
    [InlineData(RelativeBound.Within, ToleranceUnit.Absolute, 0.02, 0.8, -1, 0.78)]
    public void Limit_FollowsTheUnitAndSide(RelativeBound bound, ToleranceUnit unit, double tolerance, double compared, int side, double expected)
    {
        var rule = Rule("perf.mae", null, GateCondition.RelativeToReference, tolerance, bound: bound, unit: unit);

        Assert.Equal(expected, GateValueFigureBuilder.Limit(rule, compared, side), 12);
    }

    [Fact]
    public void Build_WithinBound_DrawsBothLimits()
    {
        var rule = Rule("perf.mae", null, GateCondition.RelativeToReference, 10, bound: RelativeBound.Within);

        var figure = GateValueFigureBuilder.Build(rule, [Outcome(0, GateStatus.Passed, 21, 20)], []);

        Assert.Equal(["Actual value", "Reference value", "Allowed limit (low)", "Allowed limit (high)", "Passed"], figure.Data.Cast<Scatter>().Select(t => t.Name));
    }

    [Fact]
    public void Build_NoJudgedValue_IsEmpty()
    {
        var rule = Rule(AuditPoints.ColumnMissingShare, "temp", GateCondition.Eq, 0);

        var figure = GateValueFigureBuilder.Build(rule, [Outcome(0, GateStatus.Skipped, null), Outcome(1, GateStatus.Error, double.NaN)], []);

        Assert.True(figure.IsEmpty);
        Assert.Equal("Missing share of 'temp' (share)", figure.Layout.YAxis[0].Title.Text);
    }
}
