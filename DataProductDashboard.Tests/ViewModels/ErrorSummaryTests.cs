using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class ErrorSummaryTests
{
    [Fact]
    public void From_KeyedErrors_HeadingCountsThemAndListsEachOnce()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["row 4, column 'temp'"] = ["'abc' is not a number"],
            ["row 7, column 'hr'"] = ["25 is above the maximum 23", "second problem"],
        };

        var summary = ErrorSummary.From("'bad.csv' has 3 errors: row 4, column 'temp': 'abc' is not a number; …", errors);

        Assert.Equal("The file was rejected: 3 problems", summary.Heading);
        Assert.Equal(3, summary.Items.Count);
        Assert.Equal(0, summary.MoreCount);
        Assert.Equal(new KeyValuePair<string, string>("row 4, column 'temp'", "'abc' is not a number"), summary.Items[0]);
    }

    [Fact]
    public void From_SingleErrorRepeatingTheMessage_ShowsTheMessageAlone()
    {
        var summary = ErrorSummary.From("'x.csv' is empty.", new Dictionary<string, string[]> { ["file"] = ["'x.csv' is empty."] });

        Assert.Equal("'x.csv' is empty.", summary.Heading);
        Assert.Empty(summary.Items);
    }

    [Fact]
    public void From_NoErrors_ShowsTheMessageAlone()
    {
        var summary = ErrorSummary.From("The batch could not be scored.", null);

        Assert.Equal("The batch could not be scored.", summary.Heading);
        Assert.Empty(summary.Items);
    }

    [Fact]
    public void From_ManyErrors_CapsTheListAndCountsTheRest()
    {
        var errors = Enumerable.Range(2, 30).ToDictionary(i => $"row {i}, column 'temp'", _ => new[] { "is not a number" });

        var summary = ErrorSummary.From("30 errors", errors);

        Assert.Equal("The file was rejected: 30 problems", summary.Heading);
        Assert.Equal(ErrorSummary.DefaultCap, summary.Items.Count);
        Assert.Equal(18, summary.MoreCount);
        Assert.Equal(30, summary.Total);
    }

    [Fact]
    public void From_OneKeyedErrorDifferentFromTheMessage_UsesTheSingular()
    {
        var summary = ErrorSummary.From("'bad.csv' has 1 error.", new Dictionary<string, string[]> { ["row 4, column 'temp'"] = ["'abc' is not a number"] });

        Assert.Equal("The file was rejected: 1 problem", summary.Heading);
        Assert.Single(summary.Items);
    }

    [Fact]
    public void From_FieldErrorsOfAForm_SayNotSavedInsteadOfAFile()
    {
        var summary = ErrorSummary.From("The product details are not valid: A data product named 'X' already exists.",
            new Dictionary<string, string[]> { ["name"] = ["A data product named 'X' already exists."] });

        Assert.Equal("Not saved: 1 problem", summary.Heading);
    }
}
