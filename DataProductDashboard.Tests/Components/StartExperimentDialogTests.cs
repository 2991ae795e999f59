using Bunit;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Components.Pages.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class StartExperimentDialogTests : BunitTestContext
{
    private async Task<(int ProductId, IRenderedComponent<ExperimentsPage> Page)> OpenFromThePageAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await ExperimentsUiData.CreateProductAsync(Services);
        Service<NavigationManager>().NavigateTo($"/products/{productId}/experiments");
        var page = Render<ExperimentsPage>(ps => ps.Add(p => p.ProductId, productId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=experiments-empty-start]")));
        page.Find("[data-testid=experiments-empty-start]").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=start-experiment-dialog]")));
        return (productId, page);
    }

    [Fact]
    public async Task Open_TwoVersions_PrefillsTheChallengerHalfSplitAccuracyAndFivePoints()
    {
        await OpenFromThePageAsync();

        Assert.Contains("v2 · Sdca", DialogProvider.Find("[data-testid=start-experiment-dialog]").TextContent);
        Assert.Equal("50 %", DialogProvider.Find("[data-testid=start-share-text]").TextContent.Trim());
        Assert.Equal("0.05", DialogProvider.Find("input[data-testid=start-mde]").GetAttribute("value"));
        Assert.Contains("an absolute change, e.g. 0.05 = 5 percentage points", DialogProvider.Find("[data-testid=start-experiment-dialog]").TextContent);
        Assert.Contains("Share of labelled rows predicted correctly", DialogProvider.Find("[data-testid=start-experiment-dialog]").TextContent);
    }

    [Fact]
    public async Task Start_ValidForm_StartsTheExperimentAndThePageShowsIt()
    {
        var (productId, page) = await OpenFromThePageAsync();
        DialogProvider.Find("input[data-testid=start-name]").Change("Sdca against FastTree");

        DialogProvider.Find("[data-testid=start-submit]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=start-experiment-dialog]")));
        var experiment = Assert.Single(await Service<ExperimentService>().ListAsync(productId, CancellationToken.None));
        Assert.Equal(("Sdca against FastTree", 2, 0.5, "perf.accuracy", ExperimentStatus.Running),
            (experiment.Name, experiment.ChallengerVersion, experiment.ChallengerShare, experiment.PrimaryMetric, experiment.Status));
        page.WaitForAssertion(() => Assert.Contains("Sdca against FastTree", page.Find("[data-testid=experiment-name]").TextContent));
    }

    [Fact]
    public async Task Start_InvalidValues_ShowsTheServiceErrorsUnderTheirFieldsAndStartsNothing()
    {
        var (productId, _) = await OpenFromThePageAsync();
        DialogProvider.Find("input[data-testid=start-mde]").Change("1.5");
        DialogProvider.Find("input[data-testid=start-alpha]").Change("0.5");

        DialogProvider.Find("[data-testid=start-submit]").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("the effect must be below 1", DialogProvider.Find("[data-testid=start-experiment-dialog]").TextContent));
        Assert.Contains("α must be above 0 and at most 0.2", DialogProvider.Find("[data-testid=start-experiment-dialog]").TextContent);
        Assert.Empty(await Service<ExperimentService>().ListAsync(productId, CancellationToken.None));
    }

    [Fact]
    public async Task Open_NoPossibleChallenger_ExplainsAndCannotSubmit()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var productId = await ExperimentsUiData.CreateProductAsync(Services, withChallenger: false);
        var versions = await Service<ModelRegistryService>().ListAsync(productId, CancellationToken.None);
        var metrics = await Service<ExperimentService>().GetMetricsAsync(productId, CancellationToken.None);

        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<StartExperimentDialog>("New experiment", new DialogParameters
        {
            [nameof(StartExperimentDialog.ProductId)] = productId,
            [nameof(StartExperimentDialog.ChampionVersion)] = 1,
            [nameof(StartExperimentDialog.Versions)] = versions,
            [nameof(StartExperimentDialog.Metrics)] = metrics,
        }));

        DialogProvider.WaitForAssertion(() => Assert.Contains("Train or upload a second version", DialogProvider.Find("[data-testid=start-experiment-unavailable]").TextContent));
        Assert.True(DialogProvider.Find("[data-testid=start-submit]").HasAttribute("disabled"));
    }
}
