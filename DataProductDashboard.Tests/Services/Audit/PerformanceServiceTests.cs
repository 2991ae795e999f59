using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;

namespace DataProductDashboard.Tests.Services.Audit;

[Trait(Providers.Trait, Providers.Both)]
public sealed class PerformanceServiceTests
{
    [Fact]
    public void Compute_BinaryRowsWithoutLabels_CountsAndScoresLabelledRowsOnly()
    {
        (double[], double[], double[]?) rows = ([1, 0, double.NaN, 1, double.NaN], [1, 0, 1, 0, 0], [0.9, 0.2, 0.8, 0.4, 0.1]);

        var result = PerformanceService.Compute(TaskType.BinaryClassification, rows, [rows], new Dictionary<string, double> { ["accuracy"] = 0.8 });

        Assert.Equal(3, result.LabelledRows);
        Assert.Equal(3, result.Classification!.Count);
        Assert.Equal(2.0 / 3, result.Classification.Accuracy, 12);
        Assert.Equal(3, result.ConceptDrift.Count);
        Assert.Equal(2.0 / 3, result.ConceptDrift.Value, 12);
    }

    [Fact]
    public void Compute_RegressionRowsWithoutLabels_CountsAndScoresLabelledRowsOnly()
    {
        (double[], double[], double[]?) rows = ([10, double.NaN, 20], [12, 5, 18], null);

        var result = PerformanceService.Compute(TaskType.Regression, rows, [rows], new Dictionary<string, double> { ["mae"] = 1 });

        Assert.Equal(2, result.LabelledRows);
        Assert.Equal(2, result.Regression!.Mae, 12);
        Assert.Equal(2, result.ConceptDrift.Count);
    }

    [Fact]
    public void LabelledOnly_EveryRowLabelled_ReturnsTheSameArrays()
    {
        (double[] Label, double[] Predicted, double[]? Score) rows = ([1, 0], [1, 1], null);

        var kept = PerformanceService.LabelledOnly(rows);

        Assert.Same(rows.Label, kept.Label);
        Assert.Same(rows.Predicted, kept.Predicted);
    }
}
