using DataProductDashboard.Analysis.Statistics;

namespace DataProductDashboard.Tests.Analysis;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    [InlineData(100_000)]
    public void Sort_FiniteValues_GivesTheSameOrderAsArraySort(int n)
    {
        var random = new Random(n);
        var values = Enumerable.Range(0, n).Select(i => (i % 7) switch
        {
            0 => -random.NextDouble() * 1e6,
            1 => random.NextDouble() * 1e-300,
            2 => Math.Round(random.NextDouble() * 10),
            3 => -0.0,
            4 => 0.0,
            5 => double.MaxValue * random.NextDouble(),
            _ => random.NextDouble() - 0.5,
        }).ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits).Where(b => b != BitConverter.DoubleToInt64Bits(-0.0) && b != 0),
            values.Select(BitConverter.DoubleToInt64Bits).Where(b => b != BitConverter.DoubleToInt64Bits(-0.0) && b != 0));
        Assert.Equal(expected, values);
    }
}
