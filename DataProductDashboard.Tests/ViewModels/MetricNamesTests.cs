using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class MetricNamesTests
{
    [Theory]
    [InlineData("mae", "MAE")]
    [InlineData("rmse", "RMSE")]
    [InlineData("r2", "R²")]
    [InlineData("accuracy", "Accuracy")]
    [InlineData("roc_auc", "ROC AUC")]
    [InlineData("f1", "F1")]
    [InlineData("precision", "Precision")]
    [InlineData("recall", "Recall")]
    [InlineData("log_loss", "Log loss")]
    [InlineData("custom_metric", "custom_metric")]
    public void Display_MetricKey_ReadsAsItsUsualName(string key, string expected) =>
        Assert.Equal(expected, MetricNames.Display(key));

    [Fact]
    public void Ordered_MixedKeys_KnownFirstInUsualOrderThenUnknownAlphabetically() =>
        Assert.Equal(["accuracy", "roc_auc", "log_loss", "a_custom", "z_custom"],
            MetricNames.Ordered(["z_custom", "log_loss", "roc_auc", "a_custom", "accuracy"]));

    [Theory]
    [InlineData("mae", true)]
    [InlineData("log_loss", true)]
    [InlineData("r2", false)]
    [InlineData("roc_auc", false)]
    public void LowerIsBetter_ErrorMetrics_AreLowerIsBetter(string key, bool expected) =>
        Assert.Equal(expected, MetricNames.LowerIsBetter(key));
}
