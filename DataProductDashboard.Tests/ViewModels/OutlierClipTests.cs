using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class OutlierClipTests
{
    // Forty batches' p95 latency around 4,000 µs (fixed seed), and one batch at 250,000 µs.
    private static double[] Latencies(params double[] spikes)
    {
        var random = new Random(17);
        return Enumerable.Range(0, 40).Select(_ => 3500 + (1000 * random.NextDouble())).Concat(spikes).ToArray();
    }

    [Fact]
    public void Of_OneFarSpike_ClipsAboveTheBulkAndCountsOnePoint()
    {
        var clip = OutlierClip.Of(Latencies(250_000));

        Assert.NotNull(clip);
        Assert.Equal(1, clip.Hidden);
        Assert.Equal(250_000, clip.Max);
        Assert.InRange(clip.Top, 4500, 10_000);
    }

    [Fact]
    public void Note_OnePoint_CountThresholdAndUnit() =>
        Assert.Equal("1 point above 5,000 µs not shown", new OutlierClip(5000, 1, 250_000).Note(v => Display.Number(v) + " µs"));

    [Fact]
    public void Of_TwoSpikes_NoteSaysPoints()
    {
        var clip = OutlierClip.Of(Latencies(250_000, 90_000))!;

        Assert.Equal(2, clip.Hidden);
        Assert.Equal($"2 points above {Display.Number(clip.Top)} µs not shown", clip.Note(v => Display.Number(v) + " µs"));
    }

    [Fact]
    public void Of_ManyModeratelyHighPointsAndOneFarSpike_HidesOnlyTheSpike()
    {
        // p50, p95 and p99 of 80 batches (fixed seed): the p99 often 12–23 µs, one batch at 5,400 µs.
        var random = new Random(5);
        var values = Enumerable.Range(0, 80).SelectMany(i => new[]
        {
            3 + random.NextDouble(),
            4.5 + random.NextDouble(),
            i == 40 ? 5400 : i % 5 == 0 ? 12 + (11 * random.NextDouble()) : 5 + random.NextDouble(),
        }).ToList();

        var clip = OutlierClip.Of(values)!;

        Assert.Equal(1, clip.Hidden);
        var keptMax = values.Where(v => v < 5000).Max();
        Assert.InRange(clip.Top, keptMax * 1.1, 30);
    }

    [Fact]
    public void Of_TwoSpikesOfDifferentSize_HidesBothNotJustTheLarger()
    {
        var clip = OutlierClip.Of(Latencies(250_000, 60_000))!;

        Assert.Equal(2, clip.Hidden);
        Assert.Equal(5000, clip.Top);
    }

    [Fact]
    public void Of_NoOutlier_Null() => Assert.Null(OutlierClip.Of(Latencies()));

    [Fact]
    public void Of_SpikeOnlyTwiceTheBulk_NotFarEnough_Null() => Assert.Null(OutlierClip.Of(Latencies(9000)));

    [Fact]
    public void Of_ManyHighPoints_TheyAreTheStory_Null()
    {
        // Three of forty-three points high: more than 5 % of the points.
        Assert.Null(OutlierClip.Of(Latencies(250_000, 240_000, 260_000)));
    }

    [Fact]
    public void Of_FewerThanEightPoints_Null() => Assert.Null(OutlierClip.Of([1, 1, 1, 1, 1, 1, 1000]));

    [Fact]
    public void Of_NonFiniteValues_Ignored()
    {
        var clip = OutlierClip.Of([.. Latencies(250_000), double.NaN, double.PositiveInfinity]);

        Assert.Equal(1, clip!.Hidden);
        Assert.Equal(250_000, clip.Max);
    }

    [Fact]
    public void Of_ThresholdAboveTheBulk_TopKeepsTheThresholdVisible()
    {
        var clip = OutlierClip.Of(Latencies(250_000), keepVisible: 20_000);

        Assert.NotNull(clip);
        Assert.True(clip.Top >= 20_000 * 1.05, $"top {clip.Top}");
        Assert.Equal(1, clip.Hidden);
    }

    [Fact]
    public void Of_ConstantBulkWithOneSpike_ClipsJustAboveTheConstant()
    {
        var clip = OutlierClip.Of([.. Enumerable.Repeat(2.0, 20), 500]);

        Assert.Equal(2.5, clip!.Top);
        Assert.Equal(1, clip.Hidden);
    }

    [Theory]
    [InlineData(0.9, 1)]
    [InlineData(1.1, 1.2)]
    [InlineData(11.5, 12)]
    [InlineData(4401, 5000)]
    [InlineData(0.0021, 0.0025)]
    [InlineData(8.5, 10)]
    public void Nice_Value_SmallestRoundNumberAtOrAbove(double value, double expected) =>
        Assert.Equal(expected, OutlierClip.Nice(value));
}
