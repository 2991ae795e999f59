using System.Text;
using Bunit;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class KpiDialogTests : BunitTestContext
{
    private async Task<int> ShowEditorAsync(KpiDefinition? kpi = null, int? productId = null)
    {
        if (productId is null)
        {
            UseData(await UiTestData.CreateEmptyAsync());
            productId = await GatesUiData.CreateProductAsync(Services);
        }
        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<KpiDialog>("Add a KPI", new DialogParameters
        {
            [nameof(KpiDialog.ProductId)] = productId.Value,
            [nameof(KpiDialog.Kpi)] = kpi,
            [nameof(KpiDialog.Schema)] = UiTestData.RentalsSchema,
            [nameof(KpiDialog.ProductTask)] = TaskType.Regression,
        }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=kpi-dialog]")));
        return productId.Value;
    }

    private string ErrorsText() => string.Join(" | ", DialogProvider.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()));

    [Fact]
    public async Task Save_MissingNameAndTarget_NamesThemUnderTheirFieldsAndSavesNothing()
    {
        var productId = await ShowEditorAsync();

        DialogProvider.Find("[data-testid=kpi-dialog-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("A name is required", ErrorsText()));
        Assert.Contains("A target is required.", ErrorsText());
        Assert.NotNull(DialogProvider.Find("[data-testid=kpi-dialog]"));
        Assert.Empty(await Service<KpiService>().ListOverviewAsync(productId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_NegativeTolerance_ShowsTheServiceMessageUnderTheField()
    {
        var productId = await ShowEditorAsync();
        DialogProvider.Find("input[data-testid=kpi-dialog-name]").Input("Revenue");
        DialogProvider.Find("input[data-testid=kpi-dialog-target]").Input("100");
        DialogProvider.Find("input[data-testid=kpi-dialog-tolerance]").Input("-5");

        DialogProvider.Find("[data-testid=kpi-dialog-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("a number ≥ 0 (got -5)", ErrorsText()));
        Assert.Empty(await Service<KpiService>().ListOverviewAsync(productId, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ValidKpi_CreatesItAndCloses()
    {
        var productId = await ShowEditorAsync();
        DialogProvider.Find("input[data-testid=kpi-dialog-name]").Input("Revenue");
        DialogProvider.Find("input[data-testid=kpi-dialog-unit]").Input("k€");
        DialogProvider.Find("input[data-testid=kpi-dialog-target]").Input("100");
        DialogProvider.Find("input[data-testid=kpi-dialog-tolerance]").Input("10");

        DialogProvider.Find("[data-testid=kpi-dialog-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=kpi-dialog]")));
        var kpi = Assert.Single(await Service<KpiService>().ListOverviewAsync(productId, CancellationToken.None));
        Assert.Equal(("Revenue", "k€", 100.0, 10.0, KpiPeriod.Week, KpiSource.Uploaded), (kpi.Name, kpi.Unit, kpi.Target, kpi.Tolerance, kpi.Period, kpi.Source));
    }

    [Fact]
    public async Task Open_ExistingKpi_ShowsItsValuesAndSavesTheChange()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await GatesUiData.CreateProductAsync(Services);
        var kpi = await Service<KpiService>().CreateAsync(productId,
            new KpiInput("Mean temperature", KpiDirection.HigherIsBetter, 0.5, 0.1, KpiPeriod.Day, KpiSource.BatchColumn, KpiAggregate.Mean, "temp"),
            GatesUiData.Tester, CancellationToken.None);
        await ShowEditorAsync(kpi.Definition, productId);

        Assert.Equal("Mean temperature", DialogProvider.Find("input[data-testid=kpi-dialog-name]").GetAttribute("value"));
        DialogProvider.Find("input[data-testid=kpi-dialog-target]").Input("0.6");
        DialogProvider.Find("[data-testid=kpi-dialog-save]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=kpi-dialog]")));
        var saved = await Service<KpiService>().GetDefinitionAsync(productId, kpi.Definition.Id, CancellationToken.None);
        Assert.Equal((0.6, "temp", KpiAggregate.Mean), (saved.Target, saved.Column, saved.Aggregate));
    }

    [Fact]
    public async Task UploadValues_FileWithABadPeriod_ShowsTheRowAndColumnAndStoresNothing()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await GatesUiData.CreateProductAsync(Services);
        var kpi = await Service<KpiService>().CreateAsync(productId, new KpiInput("Revenue", KpiDirection.HigherIsBetter, 100, 10, KpiPeriod.Week, KpiSource.Uploaded),
            GatesUiData.Tester, CancellationToken.None);
        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<UploadKpiValuesDialog>("Upload values", new DialogParameters
        {
            [nameof(UploadKpiValuesDialog.ProductId)] = productId,
            [nameof(UploadKpiValuesDialog.KpiId)] = kpi.Definition.Id,
            [nameof(UploadKpiValuesDialog.Period)] = KpiPeriod.Week,
        }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=upload-kpi-values-dialog]")));

        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("period,value\n2024-05-06,120\n2024-05-08,80\n", "revenue.csv"));
        DialogProvider.WaitForAssertion(() => Assert.Contains("revenue.csv", DialogProvider.Find("[data-testid=kpi-values-file-name]").TextContent));
        DialogProvider.Find("[data-testid=upload-kpi-values-submit]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("row 3, column 'period'", DialogProvider.Find("[data-testid=dialog-error-list]").TextContent));
        Assert.Contains("2024-05-08 is not the start of a week (weeks start on Monday: 2024-05-06)", DialogProvider.Find("[data-testid=dialog-error-list]").TextContent);
        Assert.Empty(await Service<KpiService>().ListValuesAsync(productId, kpi.Definition.Id, CancellationToken.None));
    }
}
