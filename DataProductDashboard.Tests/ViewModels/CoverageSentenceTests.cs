using DataProductDashboard.Analysis.Coverage;
using DataProductDashboard.ViewModels.Audit;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class CoverageSentenceTests
{
    private static readonly IReadOnlyDictionary<string, SegmentCoverage> NoSegments = new Dictionary<string, SegmentCoverage>();

    [Fact]
    public void Of_ColumnsOutside_NamesTheWorstFirstAndCountsTheRest()
    {
        var coverage = new CoverageResult(200, 50,
        [
            new("temp", 200, 200), new("mnth", 200, 100), new("yr", 200, 60), new("hum", 200, 190), new("hr", 200, 198), new("empty", 0, 0),
        ], NoSegments);

        Assert.Equal("Batch #7: 25 % of rows covered; outside the training population in yr (70 % of values), mnth (50 %), hum (5 %) and 1 more column.",
            CoverageSentence.Of(7, coverage));
    }

    [Fact]
    public void Of_EveryRowCovered_SaysSoWithoutColumns() =>
        Assert.Equal("Batch #3: 100 % of rows covered.", CoverageSentence.Of(3, new CoverageResult(10, 10, [new("temp", 10, 10)], NoSegments)));
}
