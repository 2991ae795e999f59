using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Audit;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class QualityDisplayTests
{
    private static ColumnQuality Column(string name, ColumnKind kind, int distinct) => new(name, kind, 0, 0, 0, distinct, []);

    [Fact]
    public void Distinct_CappedNumericCount_ReadsAsALowerBound()
    {
        var capped = Column("temp", ColumnKind.Numeric, DataQualityAnalyzer.DistinctCap);

        Assert.Equal("≥ 1,000", QualityDisplay.Distinct(capped));
        Assert.Equal("≥ 1000", QualityDisplay.DistinctCell(capped));
    }

    [Fact]
    public void Distinct_ExactCounts_ReadAsTheNumber()
    {
        Assert.Equal("999", QualityDisplay.Distinct(Column("temp", ColumnKind.Numeric, 999)));
        Assert.Equal("5,000", QualityDisplay.Distinct(Column("shop", ColumnKind.Categorical, 5000)));
        Assert.Equal("5000", QualityDisplay.DistinctCell(Column("shop", ColumnKind.Categorical, 5000)));
    }

    [Fact]
    public void QualityTableCsv_CappedDistinct_WritesTheLowerBound()
    {
        var csv = QualityTableCsv.Write([Column("temp", ColumnKind.Numeric, DataQualityAnalyzer.DistinctCap), Column("shop", ColumnKind.Categorical, 1200)]);

        var lines = csv.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("column,kind,missing_share,unseen_share,unseen_categories,out_of_reference_range_share,distinct", lines[0]);
        Assert.EndsWith(",≥ 1000", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",1200", lines[2], StringComparison.Ordinal);
    }
}
