using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services;

public sealed class GateServiceCadenceTests
{
    [Fact]
    public async Task GetExpectedCadence_FollowsWhatWasSet()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.Products.CreateAsync(new CreateProductRequest("Rentals", null, null, TaskType.Regression, TestSchemas.Regression), default);

        Assert.Null(await h.Gates.GetExpectedCadenceAsync(product.Id, default));
        await h.Gates.SetExpectedCadenceAsync(product.Id, 168, new Actor("ana"), default);
        Assert.Equal(168, await h.Gates.GetExpectedCadenceAsync(product.Id, default));
        await h.Gates.SetExpectedCadenceAsync(product.Id, null, new Actor("ana"), default);
        Assert.Null(await h.Gates.GetExpectedCadenceAsync(product.Id, default));
    }

    [Fact]
    public async Task GetExpectedCadence_UnknownProduct_IsNotFound()
    {
        await using var h = await ServiceHarness.CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => h.Gates.GetExpectedCadenceAsync(99, default));
    }
}
