using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Domain;

public sealed class ClassNamesTests
{
    private static ProductSchema Schema(IReadOnlyList<string>? allowed, string? positive = "bad", string? negative = null, ColumnKind kind = ColumnKind.Categorical) => new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("amount", ColumnKind.Numeric),
        new("risk", kind, ColumnRole.Label, AllowedValues: allowed),
    ], positive, NegativeClass: negative);

    [Fact]
    public void For_LabelWithTwoAllowedValues_NegativeIsTheOtherValue()
    {
        var classes = ClassNames.For(Schema(["good", "bad"]));

        Assert.Equal(new ClassNames("good", "bad"), classes);
        Assert.Equal("bad", classes.Of(1));
        Assert.Equal("good", classes.Of(0));
        Assert.Null(classes.Of((double?)null));
        Assert.False(ClassNames.NeedsNegative(Schema(["good", "bad"])));
    }

    [Fact]
    public void For_AllowedValuesWinOverAStoredName()
    {
        Assert.Equal("good", ClassNames.For(Schema(["good", "bad"], negative: "fine")).Negative);
    }

    [Fact]
    public void For_NoAllowedValuesButStoredNegative_UsesTheStoredName()
    {
        var schema = Schema(null, negative: "good");

        Assert.Equal(new ClassNames("good", "bad"), ClassNames.For(schema));
        Assert.False(ClassNames.NeedsNegative(schema));
    }

    [Fact]
    public void For_NoAllowedValuesNoStoredName_ReadsNotPositive()
    {
        var schema = Schema(null);

        Assert.Equal(new ClassNames("not bad", "bad"), ClassNames.For(schema));
        Assert.True(ClassNames.NeedsNegative(schema));
    }

    [Fact]
    public void For_SeveralNegativeAllowedValues_ReadsNotPositive()
    {
        var schema = Schema(["bad", "good", "unknown"]);

        Assert.Equal(new ClassNames("not bad", "bad"), ClassNames.For(schema));
        Assert.True(ClassNames.NeedsNegative(schema));
    }

    [Fact]
    public void For_NoPositiveClass_PositiveIs1()
    {
        Assert.Equal(new ClassNames("0", "1"), ClassNames.For(Schema(["0", "1"], positive: null)));
    }

    [Theory]
    [InlineData(TaskType.Regression)]
    [InlineData(TaskType.MulticlassClassification)]
    public void For_NotBinary_IsNull(TaskType task) => Assert.Null(ClassNames.For(task, Schema(["good", "bad"])));

    [Fact]
    public void NegativeFromLabels_TextLabelsWithTwoValues_ReturnsTheOtherValue()
    {
        var table = new ColumnTable(5);
        table.AddStrings("risk", ["good", "bad", null, "good", "bad"]);

        Assert.Equal("good", ClassNames.NegativeFromLabels(table, Schema(null).Label!, "bad"));
    }

    [Fact]
    public void NegativeFromLabels_NumericLabels_ComparesAsNumbersAndNamesInvariantly()
    {
        var table = new ColumnTable(4);
        table.AddNumeric("risk", [1, 0, double.NaN, 1]);

        Assert.Equal("0", ClassNames.NegativeFromLabels(table, Schema(null, kind: ColumnKind.Numeric).Label!, "1.0"));
    }

    [Theory]
    [InlineData("good,bad,unknown")]
    [InlineData("bad,bad")]
    [InlineData("good,fine")]
    public void NegativeFromLabels_NotExactlyPositiveAndOneOther_IsNull(string values)
    {
        string?[] labels = values.Split(',');
        var table = new ColumnTable(labels.Length);
        table.AddStrings("risk", labels);

        Assert.Null(ClassNames.NegativeFromLabels(table, Schema(null).Label!, "bad"));
    }

    [Fact]
    public void NegativeFromLabels_LabelColumnAbsent_IsNull()
    {
        Assert.Null(ClassNames.NegativeFromLabels(new ColumnTable(0), Schema(null).Label!, "bad"));
    }

    [Fact]
    public void Validate_NegativeClassEqualToPositiveOrOutsideAllowedValues_IsRefused()
    {
        Assert.Contains("schema.negativeClass", Schema(null, negative: "bad").Validate(TaskType.BinaryClassification).Keys);
        Assert.Contains("schema.negativeClass", Schema(["good", "bad"], negative: "fine").Validate(TaskType.BinaryClassification).Keys);
        Assert.Contains("schema.negativeClass", Schema(null, negative: " good").Validate(TaskType.BinaryClassification).Keys);
        Assert.Empty(Schema(null, negative: "good").Validate(TaskType.BinaryClassification));
    }
}
