using Bunit;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class SchemaChangeDialogTests : BunitTestContext
{
    [Fact]
    public async Task Save_CategoricalFeatureTickedAsSegment_StoresTheNextVersionWithTheSegment()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var products = Service<ProductService>();
        var schema = FairnessApiTests.Schema with
        {
            Columns = FairnessApiTests.Schema.Columns.Select(c => c.Name == "region" ? c with { IsSegment = false } : c).ToList(),
        };
        var created = await products.CreateAsync(new CreateProductRequest("Loans", "", "", TaskType.BinaryClassification, schema), CancellationToken.None);
        var product = await products.GetAsync(created.Id, CancellationToken.None);

        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<SchemaChangeDialog>("Change schema",
            new DialogParameters { [nameof(SchemaChangeDialog.Product)] = product }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=schema-segment-region]")));

        // Only categorical features can be picked: the Segment-role column always is one, numbers never are.
        Assert.Empty(DialogProvider.FindAll("[data-testid=schema-segment-sex]"));
        Assert.Empty(DialogProvider.FindAll("[data-testid=schema-segment-income]"));
        DialogProvider.Find("[data-testid=schema-segment-region] input, input[data-testid=schema-segment-region]").Change(true);
        DialogProvider.Find("[data-testid=schema-change-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=schema-change-dialog]")));
        var saved = await products.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal(2, saved.SchemaVersion);
        Assert.True(saved.Schema.Columns.Single(c => c.Name == "region").IsSegment);
        Assert.Contains("Column 'region' slices the population (segment).",
            (await Service<ProductSchemaService>().ListVersionsAsync(created.Id, CancellationToken.None))[0].Changes);
    }
}
