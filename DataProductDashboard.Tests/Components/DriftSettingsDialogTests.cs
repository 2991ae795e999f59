using Bunit;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class DriftSettingsDialogTests : BunitTestContext
{
    [Fact]
    public async Task Save_ThresholdForAColumn_StoresAnOverrideAndCloses()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var products = Service<ProductService>();
        var product = await products.GetAsync(data.EmptyProductId, CancellationToken.None);
        var feature = product.Schema.Features.First(f => f.Kind == DataProductDashboard.Domain.ColumnKind.Numeric).Name;

        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<DriftSettingsDialog>("Drift settings",
            new DialogParameters { [nameof(DriftSettingsDialog.ProductId)] = data.EmptyProductId }));
        DialogProvider.WaitForAssertion(() => Assert.NotEmpty(DialogProvider.FindAll("[data-testid=drift-setting-row]")));

        var columns = DialogProvider.FindAll("[data-testid=drift-setting-row]").Select(r => r.GetAttribute("data-column")).ToList();
        Assert.Contains(DriftDetector.PredictionColumn, columns);
        Assert.Contains(feature, columns);
        DialogProvider.Find($"[data-testid=drift-setting-row][data-column='{feature}'] td:nth-child(3) input").Change("0.3");
        DialogProvider.Find("#drift-settings-save").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=drift-settings-dialog]")));
        var saved = await products.GetDriftSettingsAsync(data.EmptyProductId, CancellationToken.None);
        Assert.Equal(0.3, saved.Overrides![feature].Threshold);
        Assert.Null(saved.Overrides[feature].Method);
    }
}
