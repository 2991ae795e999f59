using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Batches;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class PredictionDisplayTests
{
    [Theory]
    [InlineData(1.0, "2 (positive)")]
    [InlineData(0.0, "other")]
    [InlineData(null, "–")]
    public void Class_BinaryWithPositiveClass2_ShowsTheClassValue(double? predicted, string expected) =>
        Assert.Equal(expected, new PredictionDisplay(TaskType.BinaryClassification, "2").Class(predicted));

    [Fact]
    public void Headers_Binary_NameTheClassAndThePositiveProbability()
    {
        var display = new PredictionDisplay(TaskType.BinaryClassification, "2");

        Assert.Equal("Predicted class", display.PredictedHeader);
        Assert.Equal("P(positive class)", display.ScoreHeader);
    }

    [Fact]
    public void Class_BinaryWithoutPositiveClass_FallsBackTo1() =>
        Assert.Equal("1 (positive)", new PredictionDisplay(TaskType.BinaryClassification, null).Class(1));

    [Fact]
    public void Class_Regression_KeepsTheNumber()
    {
        var display = new PredictionDisplay(TaskType.Regression, null);

        Assert.Equal("123.5", display.Class(123.456));
        Assert.Equal("Predicted", display.PredictedHeader);
        Assert.Equal("Score", display.ScoreHeader);
    }
}
