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

    [Fact]
    public async Task Save_RollingWindowOfFiveBatches_StoresTheWindow()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var products = Service<ProductService>();
        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<DriftSettingsDialog>("Drift settings",
            new DialogParameters { [nameof(DriftSettingsDialog.ProductId)] = data.EmptyProductId }));
        DialogProvider.WaitForAssertion(() => Assert.NotEmpty(DialogProvider.FindAll("[data-testid=drift-setting-row]")));

        Assert.Empty(DialogProvider.FindAll("#reference-window-batches"));
        DialogProvider.Find("[data-testid=reference-window-kind]").Closest(".mud-input-control")!.MouseDown();
        PopoverProvider.WaitForAssertion(() => Assert.Contains(PopoverProvider.FindAll(".mud-popover-open .mud-list-item"), e => e.TextContent.Contains("last N batches")));
        PopoverProvider.FindAll(".mud-popover-open .mud-list-item").First(e => e.TextContent.Contains("last N batches")).Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("#reference-window-batches")));
        Assert.Contains("falls back to the training data", DialogProvider.Find("[data-testid=reference-window-help]").TextContent);
        DialogProvider.Find("#reference-window-batches").Change("5");
        DialogProvider.Find("#drift-settings-save").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=drift-settings-dialog]")));
        var saved = await products.GetDriftSettingsAsync(data.EmptyProductId, CancellationToken.None);
        await products.UpdateDriftSettingsAsync(data.EmptyProductId, DriftSettings.Default, CancellationToken.None);
        Assert.Equal(new ReferenceWindow(ReferenceWindowKind.LastBatches, LastBatches: 5), saved.Reference);
    }

    [Fact]
    public async Task Open_ProductWithAPeriodWindow_ShowsItsDays()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var products = Service<ProductService>();
        await products.UpdateDriftSettingsAsync(data.EmptyProductId,
            new DriftSettings(0.5, null, new ReferenceWindow(ReferenceWindowKind.Period, new DateOnly(2012, 3, 1), new DateOnly(2012, 3, 31))), CancellationToken.None);
        try
        {
            await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<DriftSettingsDialog>("Drift settings",
                new DialogParameters { [nameof(DriftSettingsDialog.ProductId)] = data.EmptyProductId }));
            DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("#reference-window-from")));

            Assert.Equal("2012-03-01", DialogProvider.Find("#reference-window-from").GetAttribute("value"));
            Assert.Equal("2012-03-31", DialogProvider.Find("#reference-window-to").GetAttribute("value"));
            Assert.Empty(DialogProvider.FindAll("#reference-window-batches"));
        }
        finally
        {
            await products.UpdateDriftSettingsAsync(data.EmptyProductId, DriftSettings.Default, CancellationToken.None);
        }
    }
}
