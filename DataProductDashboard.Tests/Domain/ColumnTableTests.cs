using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Domain;

public sealed class ColumnTableTests
{
    [Fact]
    public void Select_RowIndices_CopiesThoseRowsOfEveryColumnInTheOrderGiven()
    {
        var table = new ColumnTable(4);
        table.AddNumeric("x", [1, 2, 3, 4]);
        table.AddStrings("s", ["a", null, "c", "d"]);
        table.AddTimestamps("t", [new DateTime(2026, 1, 1), null, null, new DateTime(2026, 1, 4)]);

        var subset = table.Select([3, 1]);

        Assert.Equal(2, subset.RowCount);
        Assert.Equal([4.0, 2.0], subset.Numeric("x"));
        Assert.Equal(new string?[] { "d", null }.AsEnumerable(), subset.Strings("s").AsEnumerable());
        Assert.Equal([new DateTime(2026, 1, 4), null], subset.Timestamps("t"));
        Assert.Equal(1, table.Numeric("x")[0]);
    }

    [Fact]
    public void Select_NoRows_GivesAnEmptyTableWithTheSameColumns()
    {
        var table = new ColumnTable(2);
        table.AddNumeric("x", [1, 2]);

        var subset = table.Select([]);

        Assert.Equal(0, subset.RowCount);
        Assert.Empty(subset.Numeric("x"));
    }

    [Fact]
    public void Concat_PartsWithDifferentColumns_KeepsEveryColumnWithMissingCellsWhereAPartLacksIt()
    {
        var withLabel = new ColumnTable(2);
        withLabel.AddNumeric("x", [1, 2]);
        withLabel.AddStrings("label", ["a", "b"]);
        var withoutLabel = new ColumnTable(1);
        withoutLabel.AddNumeric("x", [3]);
        withoutLabel.AddNumeric("added", [7]);
        withoutLabel.AddNumeric("label", [1]); // numbers here, text above: cannot be joined

        var table = ColumnTable.Concat([(withLabel, [1]), (withoutLabel, [0])]);

        Assert.Equal(2, table.RowCount);
        Assert.Equal([2.0, 3.0], table.Numeric("x"));
        Assert.Equal([double.NaN, 7.0], table.Numeric("added"));
        Assert.False(table.TryGetStrings("label", out _));
        Assert.False(table.TryGetNumeric("label", out _));
        var texts = ColumnTable.Concat([(withLabel, [0]), (new ColumnTable(1), [0])]).Strings("label");
        Assert.Equal(new string?[] { "a", null }.AsEnumerable(), texts.AsEnumerable());
    }
}
