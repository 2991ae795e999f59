using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Batches;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class PredictionDisplayTests
{
    private static readonly ClassNames GoodBad = new("good", "bad");

    [Theory]
    [InlineData(1.0, "bad")]
    [InlineData(0.0, "good")]
    [InlineData(null, "–")]
    [InlineData(double.NaN, "–")]
    public void Class_BinaryWithClassNames_ShowsTheClassName(double? stored, string expected) =>
        Assert.Equal(expected, new PredictionDisplay(TaskType.BinaryClassification, GoodBad).Class(stored));

    [Fact]
    public void Headers_Binary_NameThePositiveClass()
    {
        var display = new PredictionDisplay(TaskType.BinaryClassification, GoodBad);

        Assert.Equal("Predicted class", display.PredictedHeader);
        Assert.Equal("P(bad)", display.ScoreHeader);
        Assert.Equal("True class", display.LabelHeader);
        Assert.Equal("bad", display.PositiveClass);
        Assert.Equal("good", display.NegativeClass);
    }

    [Fact]
    public void For_CreditSchemaWithClasses1And2_Shows2For1And1For0()
    {
        var display = PredictionDisplay.For(TaskType.BinaryClassification, DataProductDashboard.Services.Demo.DemoProducts.CreditSchema);

        Assert.Equal("2", display.Class(1));
        Assert.Equal("1", display.Class(0));
    }

    [Fact]
    public void Class_BinaryWithoutClassNames_FallsBackTo1AndNot1()
    {
        var display = new PredictionDisplay(TaskType.BinaryClassification, null);

        Assert.Equal("1", display.Class(1));
        Assert.Equal("not 1", display.Class(0));
    }

    [Fact]
    public void Class_Regression_KeepsTheNumber()
    {
        var display = new PredictionDisplay(TaskType.Regression, GoodBad);

        Assert.False(display.IsBinary);
        Assert.Equal("123.5", display.Class(123.456));
        Assert.Equal("Predicted", display.PredictedHeader);
        Assert.Equal("Score", display.ScoreHeader);
        Assert.Equal("Label", display.LabelHeader);
    }
}
