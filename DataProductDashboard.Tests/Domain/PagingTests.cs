using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Domain;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1000)]
    public void Check_InsideThePolicy_Passes(int page, int pageSize) =>
        Paging.Batches.Check(page, pageSize);

    [Fact]
    public void Check_PageBelowTheFirst_NamesPage()
    {
        var ex = Assert.Throws<InputValidationException>(() => Paging.Batches.Check(0, 10));

        Assert.Equal(["page must be a whole number ≥ 1; got 0."], Assert.Single(ex.Errors, e => e.Key == "page").Value);
        Assert.Single(ex.Errors);
    }

    [Fact]
    public void Check_PageSizeAboveTheListsMaximum_NamesPageSizeAndTheRange()
    {
        var ex = Assert.Throws<InputValidationException>(() => Paging.Predictions.Check(1, Paging.Predictions.MaxPageSize + 1));

        Assert.Equal(["pageSize must be a whole number between 1 and 10000; got 10001."], ex.Errors["pageSize"]);
    }

    [Fact]
    public void Check_BothOutside_NamesBoth()
    {
        var ex = Assert.Throws<InputValidationException>(() => Paging.Alerts.Check(-1, 0));

        Assert.Equal(["page", "pageSize"], ex.Errors.Keys.Order());
        Assert.Equal("page must be a whole number ≥ 1; got -1. pageSize must be a whole number between 1 and 1000; got 0.", ex.Message);
    }

    [Fact]
    public void Errors_ValuesNotGiven_HasNone() =>
        Assert.Empty(Paging.GateEvaluations.Errors(null, null));

    [Fact]
    public void Lists_EachDefineTheirOwnMaximum_AsTheApiDocumentsThem() =>
        Assert.Equal((1000, 10_000, 1000, 100_000),
            (Paging.Batches.MaxPageSize, Paging.Predictions.MaxPageSize, Paging.Alerts.MaxPageSize, Paging.GateEvaluations.MaxPageSize));
}
