using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services;

/// <summary>The services refuse what the API refuses: the same <see cref="Paging"/> policy, the same field names.</summary>
public sealed class PagingPolicyTests
{
    [Fact]
    public async Task BatchesList_PageSizeAboveThePolicy_NamesPageSize()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var ex = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.Batches.ListAsync(product.Id, 1, Paging.Batches.MaxPageSize + 1, BatchSort.ReceivedAt, true, default));

        Assert.Equal(["pageSize"], ex.Errors.Keys);
    }

    [Fact]
    public async Task AlertsList_PageZero_NamesPage()
    {
        await using var h = await ServiceHarness.CreateAsync();

        var ex = await Assert.ThrowsAsync<InputValidationException>(() => h.Alerts.ListAsync(new AlertFilter(Page: 0), default));

        Assert.Equal(["page"], ex.Errors.Keys);
    }

    [Fact]
    public async Task GateEvaluations_LargestPage_IsAllowed()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync(withModel: false);

        var page = await h.Gates.ListEvaluationsAsync(product.Id, new EvaluationFilter(PageSize: Paging.GateEvaluations.MaxPageSize), default);

        Assert.Equal(0, page.TotalCount);
    }
}
