using System.Text.RegularExpressions;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.ViewModels.Reports;

namespace DataProductDashboard.Tests.ViewModels.Reports;

public sealed class ReportHtmlTests
{
    private static string Build(DataProductDashboard.Services.Reports.ProductReportData? data = null)
    {
        data ??= ReportSamples.Data();
        var charts = ReportCharts.For(data);
        return ReportHtml.Build(data, charts, ReportGlossary.For(data.Insights.Insights, charts, data.Kpis.Select(k => k.Definition)), ReportSamples.BaseUrl);
    }

    private static List<string> Hrefs(string html) => Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Build_EvidenceLinks_AreAbsoluteFromThePublicBaseUrl()
    {
        var html = Build();

        var hrefs = Hrefs(html);
        Assert.Contains($"{ReportSamples.BaseUrl}/batches/12", hrefs);
        Assert.Contains($"{ReportSamples.BaseUrl}/products/3/kpis?kpi=7", hrefs.Select(System.Net.WebUtility.HtmlDecode));
        Assert.Contains($"{ReportSamples.BaseUrl}/products/3/insights", hrefs);
        Assert.All(hrefs, h => Assert.StartsWith(ReportSamples.BaseUrl + "/", h));
        Assert.DoesNotContain("href=\"/", html);
    }

    [Fact]
    public void Build_Always_IsSelfContained()
    {
        var html = Build();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html);
    }

    [Fact]
    public void Build_Charts_AreInlineSvgForTheKpiPerformanceAndDrift()
    {
        var html = Build();

        Assert.Equal(3, Regex.Count(html, "<svg "));
        Assert.Contains("<figure id=\"report-kpi-7\">", html);
        Assert.Contains($"<figure id=\"{ReportCharts.PerformanceId}\">", html);
        Assert.Contains($"<figure id=\"{ReportCharts.DriftId}\">", html);
        Assert.Contains("hold-out v1: 8", html);
    }

    [Fact]
    public void Build_Glossary_DefinesEveryMetricAndTermMentioned()
    {
        var html = Build();

        var glossary = html[html.IndexOf("<section id=\"glossary\">", StringComparison.Ordinal)..];
        var terms = Regex.Matches(glossary, "<dt>([^<]*)</dt>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        foreach (var expected in new[] { "concept drift", "critical gate", "hold-out", "MAE", "Missing share", "Dataset drift share", "Weekly revenue" })
            Assert.Contains(expected, terms);
        var body = html[..html.IndexOf("<section id=\"glossary\">", StringComparison.Ordinal)];
        Assert.All(terms, t => Assert.Contains(t, System.Net.WebUtility.HtmlDecode(body), StringComparison.OrdinalIgnoreCase));
        var mae = MetricCatalog.PerformanceMetrics.Single(m => m.Metric == "mae").Explanation;
        Assert.Contains($"<dt>MAE</dt><dd>{System.Net.WebUtility.HtmlEncode(mae)}</dd>", glossary);
    }

    [Fact]
    public void Build_ProductNameWithMarkup_IsEncoded()
    {
        var html = Build();

        Assert.Contains("<h1>Bike &lt;rentals&gt; &amp; co: report</h1>", html);
        Assert.DoesNotContain("<rentals>", html);
    }

    [Fact]
    public void Build_NoInsights_SaysNothingToReportYetAndStillHasChartsAndGlossary()
    {
        var html = Build(ReportSamples.Data(insights: []));

        Assert.Contains("Nothing to report yet", html);
        Assert.Contains("<section id=\"charts\">", html);
        Assert.Contains("<dt>Weekly revenue</dt>", html);
    }

    [Theory]
    [InlineData("Bike <rentals> & co", "bike-rentals-co-report-2024-05-27.html")]
    [InlineData("Crédit 2026", "cr-dit-2026-report-2024-05-27.html")]
    [InlineData("***", "product-report-2024-05-27.html")]
    public void FileName_ProductName_IsASlugWithTheDate(string name, string expected) =>
        Assert.Equal(expected, ReportHtml.FileName(name, new DateTime(2024, 5, 27, 23, 0, 0)));

    [Theory]
    [InlineData("https://x.test", "/batches/3", "https://x.test/batches/3")]
    [InlineData("https://x.test/", "/batches/3", "https://x.test/batches/3")]
    [InlineData("http://x.test:5086", "alerts?product=1", "http://x.test:5086/alerts?product=1")]
    [InlineData("https://x.test", "https://other.test/a", "https://other.test/a")]
    public void Absolute_Href_StartsWithTheBaseUrlUnlessAlreadyAbsolute(string baseUrl, string href, string expected) =>
        Assert.Equal(expected, ReportLinks.Absolute(baseUrl, href));
}
