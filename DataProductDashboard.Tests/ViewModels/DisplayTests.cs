using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class DisplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(8 * 86400, "8 days ago")]
    [InlineData(-2 * 86400, "in 2 days")]
    [InlineData(800 * 86400, "2 years ago")]
    public void Relative_SecondsAgo_ReadsNaturally(int secondsAgo, string expected) =>
        Assert.Equal(expected, Display.Relative(Now.UtcDateTime.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void Absolute_UtcTime_ShowsMinutesAndZone() =>
        Assert.Equal("2026-11-24 12:00 UTC", Display.Absolute(Now.UtcDateTime));

    [Theory]
    [InlineData(0.0004, "< 1 ms")]
    [InlineData(0.25, "250 ms")]
    [InlineData(2.5, "2.50 s")]
    public void Seconds_Durations_PickAReadableUnit(double seconds, string expected) =>
        Assert.Equal(expected, Display.Seconds(seconds));

    [Fact]
    public void Metrics_Dictionary_JoinsDisplayNamesInUsualOrder() =>
        Assert.Equal("MAE 12.35 · R² 0.8712", Display.Metrics(new Dictionary<string, double> { ["r2"] = 0.87123, ["mae"] = 12.3456 }));

    [Theory]
    [InlineData(256L * 1024 * 1024, "256 MB")]
    [InlineData(1536L * 1024, "1.5 MB")]
    [InlineData(2048, "2 KB")]
    [InlineData(512, "512 B")]
    public void Bytes_Sizes_DropAZeroDecimal(long bytes, string expected) =>
        Assert.Equal(expected, Display.Bytes(bytes));

    [Theory]
    [InlineData(ModelSource.TrainedInApp, "Trained in app")]
    [InlineData(ModelSource.Uploaded, "Uploaded ML.NET zip")]
    [InlineData(ModelSource.Onnx, "Uploaded ONNX")]
    public void Source_ModelSource_ReadsAsWords(ModelSource source, string expected) =>
        Assert.Equal(expected, Display.Source(source));

    [Theory]
    [InlineData(BatchSource.Ui, "UI upload")]
    [InlineData(BatchSource.Api, "API")]
    [InlineData(BatchSource.Demo, "Demo")]
    public void Source_BatchSource_ReadsAsWords(BatchSource source, string expected) =>
        Assert.Equal(expected, Display.Source(source));

    [Fact]
    public void StatusHelp_EveryStatus_NamesItself()
    {
        foreach (var status in Enum.GetValues<ModelStatus>())
            Assert.StartsWith(status.ToString(), Display.StatusHelp(status), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FastTree (Regression)", "FastTree")]
    [InlineData("FastForest (BinaryClassification)", "FastForest")]
    [InlineData("uploaded ML.NET model", "uploaded ML.NET model")]
    public void Trainer_WithTaskSuffix_DropsTheTask(string trainer, string expected) =>
        Assert.Equal(expected, Display.Trainer(trainer));
}
