using System.Globalization;
using System.Net;
using System.Text;
using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Reports;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Reports;

/// <summary>A product report as one self-contained HTML file that travels (e-mail, archive, print to PDF): inline CSS,
/// no script, every link absolute (the public base URL), the insights with their evidence, each chart as an inline SVG
/// (<see cref="SvgLineChart"/>) and a glossary of every term and metric it mentions (<see cref="ReportGlossary"/>).
/// Printing spells each link's address out after it.</summary>
public static class ReportHtml
{
    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
        .meta, .caption, .evidence, footer { color: #555; font-size: .9rem; }
        ol.insights { list-style: none; padding: 0; } ol.insights li { border-left: 4px solid #90a4ae; padding: .3rem .8rem; margin: .6rem 0; break-inside: avoid; }
        li.Critical { border-color: #c62828 !important; } li.Warning { border-color: #ef8f00 !important; } li.Info { border-color: #1e5aa8 !important; }
        .severity { font-weight: bold; } .topic { color: #555; } p { margin: .2rem 0; }
        abbr { text-decoration: none; border-bottom: 1px dotted currentColor; }
        figure { margin: 1.2rem 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
        dl.glossary dt { font-weight: bold; margin-top: .6rem; } dl.glossary dd { margin: 0 0 0 1rem; }
        a { color: #1e5aa8; }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; } a:not(.url)::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; word-break: break-all; } }
        """;

    public static string Build(ProductReportData data, IReadOnlyList<ReportChart> charts, IReadOnlyList<GlossaryEntry> glossary, string baseUrl)
    {
        var product = data.Product;
        var zone = ZonedDisplay.For(product.TimeZone);
        var insights = data.Insights;
        var page = ReportLinks.Absolute(baseUrl, $"/products/{product.Id.ToString(CultureInfo.InvariantCulture)}/insights");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{E(product.Name)}: report of {E(zone.Date(insights.GeneratedAt))}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n")
            .Append($"<header>\n<h1>{E(product.Name)}: report</h1>\n")
            .Append($"<p class=\"meta\">Generated {E(zone.Absolute(insights.GeneratedAt))} by DataProductDashboard · {E(Display.Task(product.Task))}")
            .Append(product.ChampionVersion is { } champion ? $" · champion v{champion.ToString(CultureInfo.InvariantCulture)}" : "")
            .Append($" · live version: <a class=\"url\" href=\"{A(page)}\">{E(page)}</a></p>\n");
        if (!string.IsNullOrWhiteSpace(product.Description))
            html.Append($"<p>{E(product.Description)}</p>\n");
        html.Append("</header>\n");

        html.Append("<section id=\"insights\">\n<h2>Insights</h2>\n");
        if (insights.Insights.Count == 0)
            html.Append("<p>Nothing to report yet: insights appear once the product has a model, batches, labels or KPIs.</p>\n");
        else
        {
            html.Append("<ol class=\"insights\">\n");
            foreach (var insight in insights.Insights)
                AppendInsight(html, insight, zone, baseUrl);
            html.Append("</ol>\n");
        }
        html.Append("</section>\n");

        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        foreach (var chart in charts)
        {
            html.Append($"<figure id=\"{A(chart.Id)}\">\n<figcaption><h3>{E(chart.Title)}</h3><p class=\"caption\">{E(chart.Caption)}</p></figcaption>\n")
                .Append(chart.IsEmpty ? $"<p>{E(chart.EmptyText)}.</p>" : SvgLineChart.Render(chart.Spec, chart.Title))
                .Append("\n</figure>\n");
        }
        html.Append("</section>\n");

        html.Append("<section id=\"glossary\">\n<h2>Glossary</h2>\n<dl class=\"glossary\">\n");
        foreach (var entry in glossary)
            html.Append($"<dt>{E(entry.Term)}</dt><dd>{E(entry.Definition)}</dd>\n");
        html.Append("</dl>\n</section>\n");
        html.Append($"<footer><p>Times are in {E(zone.Name)}. The live report, with interactive charts: <a class=\"url\" href=\"{A(page)}\">{E(page)}</a></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"bike-sharing-report-2026-12-07.html": the product's name in lower case, letters and digits kept, the
    /// rest as single hyphens.</summary>
    public static string FileName(string productName, DateTime generatedAt)
    {
        var slug = new StringBuilder();
        foreach (var c in productName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        return $"{(name.Length == 0 ? "product" : name)}-report-{generatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.html";
    }

    private static void AppendInsight(StringBuilder html, Insight insight, ZonedDisplay zone, string baseUrl)
    {
        html.Append($"<li class=\"{insight.Severity}\"><p><span class=\"severity\">{insight.Severity}</span> · <span class=\"topic\">{insight.Topic}</span>");
        if (insight.At is { } at)
            html.Append($" · {E(insight.Topic == InsightTopic.Kpi ? Display.Date(at) : zone.Date(at))}");
        html.Append("</p>\n<p>");
        foreach (var segment in GlossaryText.Segment(insight.Sentence))
            html.Append(segment.Explanation is { } explanation ? $"<abbr title=\"{A(explanation)}\">{E(segment.Text)}</abbr>" : E(segment.Text));
        html.Append("</p>\n");
        if (insight.Evidence.Count > 0)
        {
            html.Append("<p class=\"evidence\">Evidence: ")
                .AppendJoin(" · ", insight.Evidence.Select(link => $"<a href=\"{A(ReportLinks.Absolute(baseUrl, link.Href))}\">{E(link.Label)}</a>"))
                .Append("</p>\n");
        }
        html.Append("</li>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string A(string text) => WebUtility.HtmlEncode(text);
}
