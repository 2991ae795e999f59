using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis;

public sealed class MomentsTests
{
    private static double[] Values(int n, int seed, double offset, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => offset + (scale * (random.NextDouble() - 0.5))).ToArray();
    }

    [Fact]
    public void Of_SmallSample_IsTheCountMeanAndSumOfSquaredDeviations()
    {
        var m = Moments.Of([2.0, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, m.Count);
        Assert.Equal(5, m.Mean);
        Assert.Equal(32, m.M2);
        Assert.Equal(32.0 / 7, m.Variance);
        Assert.Equal(Math.Sqrt(32.0 / 7), m.StandardDeviation);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1e6, 1.0)]
    [InlineData(-250.0, 1e4)]
    public void Merge_UnevenChunks_EqualsTheMomentsOfAllValuesAtOnce(double offset, double scale)
    {
        var values = Values(10_007, seed: 3, offset, scale);
        var random = new Random(5);
        var merged = Moments.Empty;
        for (var from = 0; from < values.Length;)
        {
            var size = Math.Min(values.Length - from, 1 + random.Next(1500));
            merged = merged.Merge(Moments.Of(values.AsSpan(from, size)));
            from += size;
        }
        var whole = Moments.Of(values);

        Assert.Equal(whole.Count, merged.Count);
        Assert.True(Math.Abs(whole.Mean - merged.Mean) <= 1e-12 * Math.Max(1, Math.Abs(whole.Mean)), $"mean {whole.Mean:R} vs {merged.Mean:R}");
        Assert.True(Math.Abs(whole.M2 - merged.M2) <= 1e-10 * whole.M2, $"M2 {whole.M2:R} vs {merged.M2:R}");
    }

    [Fact]
    public void Merge_WithEmpty_IsTheOtherSide()
    {
        var m = Moments.Of([1.0, 2, 3]);

        Assert.Equal(m, m.Merge(Moments.Empty));
        Assert.Equal(m, Moments.Empty.Merge(m));
        Assert.Equal(Moments.Empty, Moments.Merge([]));
        Assert.True(double.IsNaN(Moments.Empty.Estimate));
        Assert.Null(Moments.Of([1.0]).Variance);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 10)]
    [InlineData(10, 10)]
    [InlineData(123_457, 1_000_003)]
    public void OfIndicator_IsTheMomentsOfTheZeroOneValuesAndGivesTheOnesBack(int ones, int count)
    {
        var indicator = Moments.OfIndicator(ones, count);
        var rows = Moments.Of(Enumerable.Range(0, count).Select(i => i < ones ? 1.0 : 0.0).ToArray());

        Assert.Equal(rows.Count, indicator.Count);
        Assert.Equal(rows.Mean, indicator.Mean, 12);
        Assert.True(Math.Abs(rows.M2 - indicator.M2) <= 1e-9 * Math.Max(1, rows.M2), $"M2 {rows.M2:R} vs {indicator.M2:R}");
        Assert.Equal(ones, indicator.Ones);
    }

    [Fact]
    public void ArmStatistics_MergedPerBatch_EqualTheRowLevelStatisticsOfEveryKey()
    {
        var random = new Random(11);
        var batches = Enumerable.Range(0, 7).Select(b =>
        {
            var n = 50 + random.Next(400);
            var predicted = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 300, 2)).ToArray();
            var labels = predicted.Select(p => random.NextDouble() < 0.3 ? double.NaN : Math.Round(p + ((random.NextDouble() - 0.4) * 60), 1)).ToArray();
            return new ArmObservations(predicted, labels);
        }).ToList();
        var all = new ArmObservations(batches.SelectMany(b => b.Predicted).ToArray(), batches.SelectMany(b => b.Labels).ToArray());

        var merged = ArmStatistics.Merge(batches.Select(b =>
        {
            var perBatch = ArmStatistics.OfScoring(TaskType.Regression, b.Predicted);
            foreach (var (key, value) in ArmStatistics.OfLabels(TaskType.Regression, b.Predicted, b.Labels))
                perBatch[key] = value;
            return (IReadOnlyDictionary<string, Moments>)perBatch;
        }));
        var rows = ArmStatistics.Of(TaskType.Regression, all);

        Assert.Equal(rows.Keys.Order(), merged.Keys.Order());
        foreach (var (key, expected) in rows)
        {
            Assert.Equal(expected.Count, merged[key].Count);
            Assert.True(Math.Abs(expected.Mean - merged[key].Mean) <= 1e-9 * Math.Max(1, Math.Abs(expected.Mean)), key);
            Assert.True(Math.Abs(expected.M2 - merged[key].M2) <= 1e-9 * Math.Max(1, expected.M2), key);
        }
    }
}
