using Bunit;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ModelRegistryTests : BunitTestContext
{
    [Fact]
    public async Task Render_ProductWithTrainedModels_ListsVersionsWithMetricsNotesAndOnePromoteButton()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=model-row]").Count));
        var table = cut.Find("[data-testid=models-table]").TextContent;
        Assert.Contains("Champion", table);
        Assert.Contains("Candidate", table);
        Assert.Contains("FastTree", table);
        Assert.Contains("Trained in app", table);
        Assert.Contains("R²", table);
        Assert.Contains("RMSE", table);
        Assert.DoesNotContain("r2 ", table);
        Assert.Contains(UiTestData.CandidateNotes, cut.Find("[data-testid=model-notes]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=promote-button]"));
        Assert.NotNull(cut.Find("#upload-model-button"));
        Assert.NotNull(cut.Find("#train-model-button"));
    }

    [Fact]
    public async Task Render_AsDataScientist_OffersShadowOnTheCandidateOnlyAndNoPromote()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs(UserName, DashboardRoles.DataScientist);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=mark-challenger]")));
        Assert.Empty(cut.FindAll("[data-testid=promote-button]"));
        var candidate = cut.FindAll("tr").Single(r => r.QuerySelector("[data-testid=model-row]")?.GetAttribute("data-version") == "2");
        Assert.NotNull(candidate.QuerySelector("[data-testid=mark-challenger]"));
    }

    [Fact]
    public async Task Render_AsViewer_OffersNeitherShadowNorPromote()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs(UserName, DashboardRoles.Viewer);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=model-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=mark-challenger]"));
        Assert.Empty(cut.FindAll("[data-testid=promote-button]"));
    }

    [Fact]
    public async Task Tick_TwoVersions_EnablesCompareLinkingToThemInOrder()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("input[data-testid=compare-tick], [data-testid=compare-tick] input").Count));
        Assert.True(cut.Find("[data-testid=compare-selected]").HasAttribute("disabled"));

        foreach (var tick in cut.FindAll("input[data-testid=compare-tick], [data-testid=compare-tick] input"))
            tick.Change(true);

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=compare-selected]").HasAttribute("disabled")));
        Assert.Equal($"/products/{data.RentalsId}/models/compare?versions=1,2", cut.Find("[data-testid=compare-selected]").GetAttribute("href"));
        Assert.Contains("v1, v2", cut.Find("[data-testid=compare-selected]").TextContent);
    }

    [Fact]
    public async Task Promote_Clicked_ConfirmationNamesChampionAndCandidateWithBothMetrics()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=promote-button]")));

        cut.Find("[data-testid=promote-button]").Click();

        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=promote-dialog]")));
        Assert.Contains($"v{data.ChampionVersion} · current champion", DialogProvider.Find("[data-testid=promote-champion-header]").TextContent);
        Assert.Contains($"v{data.CandidateVersion} · candidate", DialogProvider.Find("[data-testid=promote-candidate-header]").TextContent);
        var mae = DialogProvider.Find("[data-testid=promote-metric][data-metric=mae]").QuerySelectorAll("td");
        Assert.Contains("MAE", mae[0].TextContent);
        Assert.NotEqual("–", mae[1].TextContent.Trim());
        Assert.NotEqual("–", mae[2].TextContent.Trim());
        Assert.Contains("only indicative", DialogProvider.Find("[data-testid=promote-note]").TextContent);
        Assert.Contains("Promote", DialogProvider.Find("[data-testid=promote-confirm]").TextContent);

        DialogProvider.Find("[data-testid=promote-cancel]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=promote-dialog]")));
        var champion = await Service<ModelRegistryService>().GetAsync(data.RentalsId, data.ChampionVersion, CancellationToken.None);
        Assert.Equal(ModelStatus.Champion, champion.Status);
    }

    [Fact]
    public async Task Render_ProductWithoutModels_ShowsEmptyState()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("No model versions yet", cut.Find("[data-testid=models-empty]").TextContent));
    }

    [Fact]
    public async Task Render_UnknownId_ShowsFriendlyNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Data product 999 was not found", cut.Markup));
    }

    [Fact]
    public async Task Render_Viewer_ShowsNoChangeControlsButTheHint()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=model-row]").Count));
        AssertAbsent(cut, "#upload-model-button", "#train-model-button", "[data-testid=promote-button]", "[data-testid=rollback-button]");
        Assert.Equal("Needs Data scientist", cut.Find("[data-testid=role-hint]").TextContent.Trim());
        AssertPresent(cut, "[data-testid=export-models-csv]", "[data-testid=models-filter]");
    }

    [Fact]
    public async Task Render_ProductManager_SeesPromoteButNotUploadOrTrain()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=promote-button]")));
        AssertAbsent(cut, "#upload-model-button", "#train-model-button");
        Assert.Equal("Needs Data scientist", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_DataScientist_SeesUploadAndTrainButNotPromote()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("ds", DashboardRoles.DataScientist);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=model-row]").Count));
        AssertPresent(cut, "#upload-model-button", "#train-model-button");
        AssertAbsent(cut, "[data-testid=promote-button]", "[data-testid=role-hint]");
    }

    [Fact]
    public async Task Render_ViewerWithoutModels_EmptyStateSaysWhoAddsThem()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<ModelRegistry>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("a data scientist uploads or trains", cut.Find("[data-testid=models-empty-reader]").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Upload an ML.NET", cut.Find("[data-testid=models-empty]").TextContent);
    }
}
