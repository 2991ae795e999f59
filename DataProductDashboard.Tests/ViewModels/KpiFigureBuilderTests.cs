using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Kpis;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class KpiFigureBuilderTests
{
    private static readonly DateTime Monday = new(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc);

    private static KpiDefinition Definition(KpiDirection direction = KpiDirection.HigherIsBetter, double tolerance = 10, KpiPeriod period = KpiPeriod.Week) =>
        new(7, 1, "Revenue", "", "k€", direction, 100, tolerance, period, KpiSource.Uploaded, null, null, null, null, 3, "pm", Monday, Monday);

    private static KpiPoint Point(int week, double? value, KpiStatus status, bool complete = true, ExperimentArm? arm = null) =>
        new(Monday.AddDays(7 * week), arm, value, 1, complete, false, status, value is { } v ? (v - 100) / 100 : null);

    private static KpiDetail Detail(IReadOnlyList<KpiPoint> values, IReadOnlyList<KpiMarker>? markers = null, BusinessDriftFinding? finding = null,
        KpiDefinition? definition = null)
    {
        var d = definition ?? Definition();
        var overview = new KpiOverview(d.Id, d.ProductId, d.Name, d.Unit, d.Direction, d.Target, d.Tolerance, d.Period, d.Source, KpiStatus.OffTarget,
            null, null, null, finding, "/products/1/kpis?kpi=7");
        return new KpiDetail(d, overview, values, markers ?? [], 0);
    }

    [Fact]
    public void Build_NoValues_IsEmptyWithAxisTitlesAndUnit()
    {
        var figure = KpiFigureBuilder.Build(Detail([Point(0, null, KpiStatus.NoData, complete: false)]));

        Assert.True(figure.IsEmpty);
        Assert.Empty(figure.Data);
        Assert.Equal("Revenue (k€)", figure.Layout.YAxis[0].Title.Text);
        Assert.Equal("Week starting Monday (UTC)", figure.Layout.XAxis[0].Title.Text);
    }

    [Fact]
    public void Build_ValuesOfEachStatus_GroupsMarkersByStatusAndKeepsTheOpenPeriodHollow()
    {
        var figure = KpiFigureBuilder.Build(Detail(
        [
            Point(0, 120, KpiStatus.OnTarget), Point(1, 95, KpiStatus.AtRisk), Point(2, 80, KpiStatus.OffTarget), Point(3, 85, KpiStatus.OffTarget, complete: false),
        ]));

        var scatters = figure.Data.OfType<Scatter>().ToList();
        Assert.False(figure.IsEmpty);
        Assert.Equal(["Revenue", "On target", "At risk", "Off target", "Incomplete (still open)"], scatters.Select(s => s.Name));
        Assert.Equal(4, scatters[0].Y.Count);                       // the line joins every value
        Assert.Equal([80.0], scatters[3].Y.Cast<double>());          // only the complete off-target week
        Assert.Equal([85.0], scatters[4].Y.Cast<double>());
        Assert.Contains("−20 % vs target", scatters[3].HoverTextArray[0]);
        Assert.Contains("incomplete", scatters[4].HoverTextArray[0]);
    }

    [Fact]
    public void Build_HigherIsBetter_ShadesTheBandBetweenTheEdgeAndTheTargetAndDrawsTheTarget()
    {
        var figure = KpiFigureBuilder.Build(Detail([Point(0, 120, KpiStatus.OnTarget)]));

        var band = Assert.Single(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect);
        Assert.Equal((90.0, 100.0), (Convert.ToDouble(band.Y0), Convert.ToDouble(band.Y1)));
        var target = Assert.Single(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line);
        Assert.Equal(100.0, Convert.ToDouble(target.Y0));
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "target 100");
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "band edge 90");
    }

    [Fact]
    public void Build_LowerIsBetter_ShadesTheBandAboveTheTarget()
    {
        var figure = KpiFigureBuilder.Build(Detail([Point(0, 95, KpiStatus.OnTarget)], definition: Definition(KpiDirection.LowerIsBetter)));

        var band = Assert.Single(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect);
        Assert.Equal((100.0, 110.0), (Convert.ToDouble(band.Y0), Convert.ToDouble(band.Y1)));
    }

    [Fact]
    public void Build_ZeroTolerance_DrawsNoBand()
    {
        var figure = KpiFigureBuilder.Build(Detail([Point(0, 95, KpiStatus.OffTarget)], definition: Definition(tolerance: 0)));

        Assert.DoesNotContain(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect);
    }

    [Fact]
    public void Build_MarkersInAndOutOfRange_PlotsOnlyThoseOnTheChartedWeeksOnTheSecondAxis()
    {
        KpiMarker[] markers =
        [
            new(KpiMarkerKind.DataDrift, Monday.AddDays(8), "Data drift", "Batch #4", "/batches/4", 4),
            new(KpiMarkerKind.FailedGate, Monday.AddDays(9), "Failed gate", "Batch #4", "/batches/4", 4),
            new(KpiMarkerKind.DataDrift, Monday.AddDays(-30), "Data drift", "Batch #1", "/batches/1", 1),
            new(KpiMarkerKind.Release, Monday.AddDays(10), "v2", "Version 2 (FastTree)", "/products/1/models", Version: 2),
            new(KpiMarkerKind.Release, Monday.AddDays(400), "v3", "Version 3 (FastTree)", "/products/1/models", Version: 3),
        ];

        var figure = KpiFigureBuilder.Build(Detail([Point(0, 120, KpiStatus.OnTarget), Point(1, 80, KpiStatus.OffTarget)], markers));

        var drift = Assert.Single(figure.Data.OfType<Scatter>(), s => s.Name == "Data drift (batch)");
        Assert.Equal("y2", drift.YAxis);
        Assert.Single(drift.X);
        Assert.Single(figure.Data.OfType<Scatter>(), s => s.Name == "Failed gate (batch)");
        // One release line (v2); v3 is after the charted weeks.
        Assert.Single(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line && s.YRef == "paper");
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "v2");
    }

    [Fact]
    public void Build_SustainedRun_ShadesItsPeriodsAndNamesTheClassification()
    {
        var finding = new BusinessDriftFinding(DriftClassification.ConceptDrift, Monday.AddDays(7), Monday.AddDays(21), 3, 60, -0.3, "reason", 4);

        var figure = KpiFigureBuilder.Build(Detail([Point(0, 120, KpiStatus.OnTarget), Point(1, 80, KpiStatus.OffTarget), Point(2, 70, KpiStatus.OffTarget),
            Point(3, 60, KpiStatus.OffTarget)], finding: finding));

        var run = Assert.Single(figure.Layout.Shapes, s => s.Type == Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect && s.XRef == "x");
        Assert.Equal(Monday.AddDays(7), run.X0);
        Assert.Equal(Monday.AddDays(28), run.X1);   // to the end of the run's last week
        Assert.Contains(figure.Layout.Annotations, a => a.Text == "Concept drift: off target for 3 weeks");
    }

    [Fact]
    public void Build_ArmValues_AddADashedLinePerArm()
    {
        var figure = KpiFigureBuilder.Build(Detail([Point(0, 100, KpiStatus.OnTarget), Point(0, 90, KpiStatus.AtRisk, arm: ExperimentArm.Champion),
            Point(0, 110, KpiStatus.OnTarget, arm: ExperimentArm.Challenger)]));

        Assert.Equal(["Champion arm", "Challenger arm"], figure.Data.OfType<Scatter>().Where(s => s.Name.EndsWith(" arm", StringComparison.Ordinal)).Select(s => s.Name));
    }

    [Fact]
    public void InitialRange_LongDailyHistory_OpensOnTheLast120Days()
    {
        var days = Enumerable.Range(0, 200).Select(i => Monday.AddDays(i)).ToList();

        var range = KpiFigureBuilder.InitialRange(days, KpiPeriod.Day);

        Assert.Equal(days[^1].AddHours(12), range!.Value.To);
        Assert.Equal(days[^120].AddHours(-12), range.Value.From);
        Assert.Null(KpiFigureBuilder.InitialRange(days.Take(120).ToList(), KpiPeriod.Day));
    }
}
