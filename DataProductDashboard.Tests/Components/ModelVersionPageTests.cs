using Bunit;
using DataProductDashboard.Components.Pages.Models;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class ModelVersionPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_Champion_ShowsFactsTimelineExportsAndNoCompareWithItself()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelVersionPage>(ps => ps.Add(p => p.ProductId, data.RentalsId).Add(p => p.Version, data.ChampionVersion));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=lineage-timeline]")));
        Assert.Contains("FastTree", cut.Find("[data-testid=version-facts]").TextContent);
        Assert.Contains("2 batches", cut.Find("[data-testid=version-batches]").TextContent);
        var kinds = cut.FindAll("[data-testid=lineage-event]").Select(e => e.GetAttribute("data-kind")).ToList();
        Assert.Contains("trained", kinds);
        Assert.Contains("first-batch", kinds);
        Assert.Contains("latest-batch", kinds);
        Assert.Empty(cut.FindAll("[data-testid=version-compare]"));
        Assert.Equal($"/api/products/{data.RentalsId}/models/{data.ChampionVersion}/lineage?format=csv", cut.Find("[data-testid=lineage-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_Candidate_OffersComparisonWithTheChampion()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelVersionPage>(ps => ps.Add(p => p.ProductId, data.RentalsId).Add(p => p.Version, data.CandidateVersion));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=version-compare]")));
        Assert.Equal($"/products/{data.RentalsId}/models/compare?versions={data.ChampionVersion},{data.CandidateVersion}", cut.Find("[data-testid=version-compare]").GetAttribute("href"));
        Assert.Contains(UiTestData.CandidateNotes, cut.Find("[data-testid=version-facts]").TextContent);
    }

    [Fact]
    public async Task Render_UnknownVersion_SaysNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<ModelVersionPage>(ps => ps.Add(p => p.ProductId, data.RentalsId).Add(p => p.Version, 99));

        cut.WaitForAssertion(() => Assert.Contains("Version 99", cut.Markup));
    }
}
