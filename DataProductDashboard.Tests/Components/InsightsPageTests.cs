using Bunit;
using DataProductDashboard.Components.Pages.Insights;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Components;

public sealed class InsightsPageTests : BunitTestContext
{
    [Fact]
    public async Task Render_SeededProduct_ShowsSentencesWithSeverityTopicAndEvidenceLinks()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<InsightsPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=insight]")));
        var topics = cut.FindAll("[data-testid=insight]").Select(i => i.GetAttribute("data-topic")).ToList();
        Assert.Contains("Model", topics);
        Assert.Contains("Data", topics);
        Assert.Contains(cut.FindAll("[data-testid=insight-evidence]"), a => a.GetAttribute("href") == $"/batches/{data.NewBatchId}");
        Assert.Contains("Model v1", cut.Find("[data-testid=insight-list]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=glossary-term]"));
        Assert.NotNull(cut.Find("[data-testid=insights-print]"));
        Assert.NotNull(cut.Find("[data-testid=insights-export]"));
    }

    [Fact]
    public async Task Render_SeededProduct_PrintsChartsAsPicturesLinksAbsoluteAndAGlossary()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<InsightsPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=report-chart]")));
        var images = cut.FindAll("[data-testid=report-chart-image]");
        Assert.NotEmpty(images);
        Assert.All(images, img =>
        {
            Assert.Contains("dpd-print-only", img.ClassList);
            Assert.Null(img.GetAttribute("src")); // the browser fills it with Plotly's SVG export
            Assert.EndsWith("-plot", img.GetAttribute("data-dpd-plot"));
            Assert.NotNull(cut.Find($"[id='{img.GetAttribute("data-dpd-plot")}']"));
        });
        Assert.All(cut.FindAll("[data-testid=report-chart-interactive]"), div => Assert.Contains("dpd-no-print", div.ClassList));
        cut.WaitForAssertion(() => JSInterop.VerifyInvoke("dpdSnapshotCharts"));
        var baseUrl = Service<DataProductDashboard.Services.Notifications.PublicBaseUrl>().Value;
        Assert.Contains(cut.FindAll("[data-testid=insight-evidence-url]"), s => s.TextContent == $"({baseUrl}/batches/{data.NewBatchId})");
        Assert.DoesNotContain(cut.FindAll("[data-testid=insight-evidence-url]"), s => s.TextContent.StartsWith("(/", StringComparison.Ordinal));
        var terms = cut.FindAll("[data-testid=report-glossary-term]").Select(t => t.TextContent).ToList();
        Assert.Contains("MAE", terms);
        var download = cut.Find("[data-testid=insights-download-report]");
        Assert.Equal($"/api/products/{data.RentalsId}/report", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));

        cut.Find("[data-testid=insights-print]").Click();

        JSInterop.VerifyInvoke("dpdPrintReport");
    }

    [Fact]
    public async Task Render_CriticalOnlyQuery_HidesInfoInsights()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/products/{data.RentalsId}/insights?severity=Critical");

        var cut = Render<InsightsPage>(ps => ps.Add(p => p.ProductId, data.RentalsId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=insight-counts]")));
        Assert.DoesNotContain(cut.FindAll("[data-testid=insight]"), i => i.GetAttribute("data-severity") != "Critical");
        Assert.Contains("Info", cut.Find("[data-testid=insight-count-Info]").TextContent);
    }

    [Fact]
    public async Task Render_ProductWithoutModelOrBatches_SaysNothingToReportYet()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<InsightsPage>(ps => ps.Add(p => p.ProductId, data.EmptyProductId));

        cut.WaitForAssertion(() => Assert.Contains("Nothing to report yet", cut.Find("[data-testid=insights-none]").TextContent));
    }

    [Fact]
    public async Task Render_UnknownProduct_ShowsNotFound()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<InsightsPage>(ps => ps.Add(p => p.ProductId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Data product 999 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public async Task Render_Digest_ShowsEveryProductWithItsSummary()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);

        var cut = Render<DigestPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=digest-product-{data.RentalsId}]")));
        Assert.Contains(UiTestData.RentalsName, cut.Find($"[data-testid=digest-product-{data.RentalsId}]").TextContent);
        Assert.Contains(UiTestData.EmptyName, cut.Find($"[data-testid=digest-product-{data.EmptyProductId}]").TextContent);
        Assert.NotEmpty(cut.Find($"[data-testid=digest-product-{data.RentalsId}]").QuerySelectorAll("[data-testid=insight]"));
    }
}
