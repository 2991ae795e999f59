using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Tests.Analysis;

public sealed class ColumnDistributionTests
{
    private static ColumnPair Numeric(double[] reference, double[] current) =>
        ColumnPair.Numeric("x", NumericSample.From(reference), NumericSample.From(current));

    [Fact]
    public void Of_IntegerMonthColumn_OneBinPerMonthInNumericOrder()
    {
        // Reference: every month 10 times; current: December only (a winter batch).
        var reference = Enumerable.Range(1, 12).SelectMany(m => Enumerable.Repeat((double)m, 10)).ToArray();
        var pair = ColumnPair.Numeric("mnth", NumericSample.From(reference), NumericSample.From(Enumerable.Repeat(12.0, 24).ToArray()));

        var distribution = ColumnDistribution.Of(pair);

        Assert.True(distribution.PerValue);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"], distribution.Bins);
        Assert.All(distribution.Reference, s => Assert.Equal(1.0 / 12, s, 12));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0], distribution.Current);
        Assert.Equal((120L, 24L), (distribution.ReferenceCount, distribution.CurrentCount));
    }

    [Fact]
    public void Of_ValueOnlyInCurrent_GetsItsOwnBinWithZeroReferenceShare()
    {
        var distribution = ColumnDistribution.Of(Numeric([1, 1, 2, 2], [2, 3, 3, 3]));

        Assert.Equal(["1", "2", "3"], distribution.Bins);
        Assert.Equal([0.5, 0.5, 0], distribution.Reference);
        Assert.Equal([0, 0.25, 0.75], distribution.Current);
    }

    [Fact]
    public void Of_FewNonIntegerValues_OneBinPerValueLabelledWithTheValue()
    {
        var distribution = ColumnDistribution.Of(Numeric([0.25, 0.5, 0.5, 0.75], [-1.5, 0.5]));

        Assert.True(distribution.PerValue);
        Assert.Equal(["-1.5", "0.25", "0.5", "0.75"], distribution.Bins);
        Assert.Equal([0, 0.25, 0.5, 0.25], distribution.Reference);
        Assert.Equal([0.5, 0, 0.5, 0], distribution.Current);
    }

    [Fact]
    public void Of_ThirtyIntegers_PerValueButThirtyOne_SturgesBins()
    {
        var thirty = Enumerable.Range(0, 30).Select(v => (double)v).ToArray();
        var thirtyOne = Enumerable.Range(0, 31).Select(v => (double)v).ToArray();

        Assert.Equal(30, ColumnDistribution.Of(Numeric(thirty, [0])).Bins.Count);
        var many = ColumnDistribution.Of(Numeric(thirtyOne, [0]));
        Assert.False(many.PerValue);
        Assert.Equal(Numeric(thirtyOne, [0]).Shares().Labels, many.Bins);
        Assert.StartsWith("[0, ", many.Bins[0]);
    }

    [Fact]
    public void Of_TenFractionalValues_PerValueButEleven_SturgesBins()
    {
        var ten = Enumerable.Range(0, 10).Select(v => v + 0.5).ToArray();
        var eleven = Enumerable.Range(0, 11).Select(v => v + 0.5).ToArray();

        Assert.True(ColumnDistribution.Of(Numeric(ten, ten)).PerValue);
        var many = ColumnDistribution.Of(Numeric(eleven, eleven));
        Assert.False(many.PerValue);
        Assert.StartsWith("[", many.Bins[0]);
    }

    [Fact]
    public void Of_IntegersWithOneFractionalValueAmongMoreThanTen_SturgesBins()
    {
        var values = Enumerable.Range(0, 12).Select(v => (double)v).Append(2.5).ToArray();

        Assert.False(ColumnDistribution.Of(Numeric(values, [1])).PerValue);
    }

    [Fact]
    public void Of_IntegerColumn_DriftStatisticsKeepTheirSturgesBins()
    {
        var reference = Enumerable.Range(1, 12).SelectMany(m => Enumerable.Repeat((double)m, 10)).ToArray();
        var pair = Numeric(reference, [12, 12, 1]);

        ColumnDistribution.Of(pair);

        // Jensen–Shannon, PSI and Hellinger read pair.Shares(): numpy's Sturges bins, not one bin per value.
        Assert.StartsWith("[1, ", pair.Shares().Labels[0]);
        Assert.NotEqual(12, pair.Shares().Labels.Count);
    }

    [Fact]
    public void Of_CategoricalColumn_CategoriesNotPerValue()
    {
        var distribution = ColumnDistribution.Of(ColumnPair.Categorical("season", CategoryCounts.From(["a", "b"]), CategoryCounts.From(["b"])));

        Assert.False(distribution.PerValue);
        Assert.Equal(["a", "b"], distribution.Bins);
    }

    [Theory]
    [InlineData(12.0, "12")]
    [InlineData(2011.0, "2011")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.125, "0.125")]
    [InlineData(1.0 / 3, "0.333333")]
    public void ValueLabel_Value_IntegerWithoutDecimalsOtherwiseSixDigits(double value, string expected) =>
        Assert.Equal(expected, BinnedShares.ValueLabel(value));
}
