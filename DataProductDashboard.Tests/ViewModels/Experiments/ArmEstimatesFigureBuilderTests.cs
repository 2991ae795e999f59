using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Experiments;
using Plotly.Blazor.Traces;

namespace DataProductDashboard.Tests.ViewModels.Experiments;

public sealed class ArmEstimatesFigureBuilderTests
{
    private static readonly ExperimentMetric Accuracy = ExperimentMetrics.Find(TaskType.BinaryClassification, ExperimentMetrics.Accuracy)!;
    private static readonly ExperimentMetric Mae = ExperimentMetrics.Find(TaskType.Regression, ExperimentMetrics.Mae)!;

    [Fact]
    public void Build_BothArms_DrawsEachEstimateWithItsOwnAsymmetricErrorBars()
    {
        var champion = new ArmEstimate("perf.accuracy", ExperimentArm.Champion, 0.7, 0.61, 0.79, 100);
        var challenger = new ArmEstimate("perf.accuracy", ExperimentArm.Challenger, 0.8, 0.75, 0.83, 120);

        var figure = ArmEstimatesFigureBuilder.Build(Accuracy, champion, challenger, 1, 2, 0.05, 0.05);

        Assert.False(figure.IsEmpty);
        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["Champion v1", "Challenger v2"], traces.Select(t => t.Name));
        Assert.Equal([0.7], traces[0].Y);
        Assert.Equal(0.09, (double)traces[0].ErrorY!.Array![0], 12);
        Assert.Equal(0.09, (double)traces[0].ErrorY!.ArrayMinus![0], 12);
        Assert.Equal(0.03, (double)traces[1].ErrorY!.Array![0], 12);
        Assert.Equal(0.05, (double)traces[1].ErrorY!.ArrayMinus![0], 12);
        Assert.False(traces[1].ErrorY!.Symmetric);
        Assert.Contains("n = 120", traces[1].HoverTextArray![0].ToString());
        Assert.Contains("95 % CI 75.0 % – 83.0 %", traces[1].HoverTextArray![0].ToString());
        Assert.Equal(".0%", figure.Layout.YAxis![0].TickFormat);
        Assert.Equal("Accuracy (%)", figure.Layout.YAxis[0].Title!.Text);
        Assert.Equal("Arm (model version)", figure.Layout.XAxis![0].Title!.Text);
    }

    [Fact]
    public void Build_WithMde_DrawsTheChampionPlusAndMinusTheEffect()
    {
        var champion = new ArmEstimate("perf.accuracy", ExperimentArm.Champion, 0.7, 0.61, 0.79, 100);

        var figure = ArmEstimatesFigureBuilder.Build(Accuracy, champion, null, 1, 2, 0.05, 0.05);

        Assert.Equal([0.75, 0.65], figure.Layout.Shapes.Select(s => Math.Round((double)s.Y0!, 12)));
        Assert.Contains("+5.0 pts", figure.Layout.Annotations[0].Text);
        Assert.Single(figure.Data);
    }

    [Fact]
    public void Build_MeanWithoutInterval_DrawsTheMarkerWithoutErrorBarsAndNamesTheUnit()
    {
        var single = new ArmEstimate("perf.mae", ExperimentArm.Challenger, 12.5, double.NaN, double.NaN, 1);

        var figure = ArmEstimatesFigureBuilder.Build(Mae, null, single, 1, 3, null, 0.05);

        var trace = Assert.IsType<Scatter>(Assert.Single(figure.Data));
        Assert.Null(trace.ErrorY);
        Assert.Contains("too few observations", trace.HoverTextArray![0].ToString());
        Assert.Equal("MAE (label units)", figure.Layout.YAxis![0].Title!.Text);
        Assert.Null(figure.Layout.YAxis[0].TickFormat);
        Assert.Empty(figure.Layout.Shapes);
    }

    [Fact]
    public void Build_NoEstimates_IsEmptyWithAxisTitles()
    {
        var figure = ArmEstimatesFigureBuilder.Build(Mae, null, null, 1, 2, 0.5, 0.05);

        Assert.True(figure.IsEmpty);
        Assert.Empty(figure.Data);
        Assert.Equal("MAE (label units)", figure.Layout.YAxis![0].Title!.Text);
    }
}
