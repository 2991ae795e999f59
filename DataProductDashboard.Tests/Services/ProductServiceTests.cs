using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services;

public sealed class ProductServiceTests
{
    [Fact]
    public async Task Create_ValidProduct_IsListedWithItsSchema()
    {
        await using var h = await ServiceHarness.CreateAsync();

        var created = await h.Products.CreateAsync(new CreateProductRequest(" Rentals ", "d", "o", TaskType.Regression, TestSchemas.Regression), default);
        var listed = Assert.Single(await h.Products.ListAsync(default));

        Assert.Equal("Rentals", created.Name);
        Assert.Equal(created.Id, listed.Id);
        var stored = (await h.Products.GetAsync(created.Id, default)).Schema;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(TestSchemas.Regression), System.Text.Json.JsonSerializer.Serialize(stored));
        Assert.Null(listed.ChampionVersion);
        Assert.Equal(0, listed.BatchCount);
    }

    [Fact]
    public async Task Create_DuplicateNameAndBadSchema_ListsEveryProblemByField()
    {
        await using var h = await ServiceHarness.CreateAsync();
        await h.Products.CreateAsync(new CreateProductRequest("Rentals", null, null, TaskType.Regression, TestSchemas.Regression), default);
        var schema = new ProductSchema([new ColumnSpec("a", ColumnKind.Numeric, ColumnRole.Label), new ColumnSpec("a", ColumnKind.Numeric)]);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.Products.CreateAsync(new CreateProductRequest("Rentals", null, null, TaskType.BinaryClassification, schema), default));

        Assert.Contains("already exists", error.Errors["name"][0]);
        Assert.Contains("declared 2 times", error.Errors["schema.columns['a']"][0]);
        Assert.Contains("positive class", error.Errors["schema.positiveClass"][0]);
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        await using var h = await ServiceHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => h.Products.GetAsync(42, default));

        Assert.Equal("Data product '42' was not found.", error.Message);
    }
}
