using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ModelCompareTests : BunitTestContext
{
    private IRenderedComponent<ModelCompare> RenderAt(int productId, string versions)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/products/{productId}/models/compare?versions={versions}");
        return Render<ModelCompare>(ps => ps.Add(p => p.ProductId, productId));
    }

    [Fact]
    public async Task Render_TwoVersionsWithLabelledRows_ShowsRowsSentencesMetricsVersionsAndDisagreements()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = RenderAt(data.RentalsId, $"{data.ChampionVersion},{data.CandidateVersion}");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=compare-rows]")), TimeSpan.FromSeconds(30));
        Assert.Contains("10 labelled rows", cut.Find("[data-testid=compare-rows]").TextContent);
        Assert.Contains($"baseline v{data.ChampionVersion}", cut.Find("[data-testid=compare-rows]").TextContent);
        var sentences = cut.FindAll("[data-testid=compare-sentence]");
        Assert.Equal(2, sentences.Count); // MAE and RMSE
        Assert.StartsWith($"v{data.CandidateVersion}'s MAE is", sentences[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("on the same 10 rows", sentences[0].TextContent);
        Assert.Equal(["mae", "rmse", "r2"], cut.FindAll("[data-testid=compare-metric-row]").Select(r => r.GetAttribute("data-metric")));
        Assert.Equal(3, cut.FindAll("[data-testid=compare-difference]").Count);
        Assert.Contains("paired t-test on absolute errors", cut.Find("[data-testid=compare-metrics]").TextContent);
        Assert.Contains("Sdca", cut.Find("[data-testid=compare-versions]").TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=compare-latency]").Count);
        Assert.Equal(10, cut.FindAll("[data-testid=compare-disagreement-row]").Count);
        Assert.Contains($"versions={data.ChampionVersion},{data.CandidateVersion}", cut.Find("[data-testid=compare-export]").GetAttribute("href"));
        Assert.Contains("format=csv", cut.Find("[data-testid=compare-export]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=diagnostics-regression]"));
        Assert.NotNull(cut.Find("#diagnostics-scatter-plot"));
        Assert.NotNull(cut.Find("#diagnostics-residuals-plot"));
        Assert.NotNull(cut.Find("#diagnostics-residuals-feature-plot"));
        Assert.NotNull(cut.Find("[data-testid=diagnostics-feature]"));
        Assert.NotNull(cut.Find("#diagnostics-importance-plot"));
    }

    [Fact]
    public async Task FindWeakSegments_TwoVersions_SearchesWhereTheOtherVersionIsWorseThanTheBaseline()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var (productId, _) = await FairnessUiData.CreateAsync(Services);
        await Services.GetRequiredService<DataProductDashboard.Services.Models.ModelRegistryService>().TrainAsync(productId,
            TestSchemas.Utf8(DataProductDashboard.Tests.Api.FairnessApiTests.Csv(400, seed: 7, firstId: 1, withLabel: true).Csv), "v2.csv",
            new DataProductDashboard.Services.Models.TrainModelRequest(DataProductDashboard.Domain.TrainerKind.Sdca), CancellationToken.None);

        var cut = RenderAt(productId, "1,2");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=compare-weak-segments] [data-testid=weak-segments-find]")), TimeSpan.FromSeconds(30));
        Assert.Contains("Where v2 is worse than v1", cut.Find("[data-testid=compare-weak-segments]").TextContent);

        cut.Find("[data-testid=compare-weak-segments] [data-testid=weak-segments-find]").Click();

        cut.WaitForAssertion(() => Assert.Contains("v2 against v1 on 300 labelled rows of 2 batches", cut.Find("[data-testid=weak-segments-summary]").TextContent),
            TimeSpan.FromSeconds(30));
        Assert.Contains("error rate minus v1's", cut.Find("[data-testid=weak-segments-summary]").TextContent);
    }

    [Fact]
    public async Task Render_ProductWithoutLabelledRows_SaysWhatToDoInsteadOfAnEmptyTable()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = RenderAt(data.EmptyProductId, "1,2");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=compare-empty]")));
        Assert.Contains("has no version v1 or v2", cut.Find("[data-testid=compare-error]").TextContent);
    }

    [Fact]
    public async Task Render_OneVersionNamed_ExplainsThatTwoAreNeeded()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = RenderAt(data.RentalsId, "1");

        cut.WaitForAssertion(() => Assert.Contains("Compare two to 5 versions (1 given)", cut.Find("[data-testid=compare-error]").TextContent));
    }
}
