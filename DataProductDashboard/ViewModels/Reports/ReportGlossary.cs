using System.Text.RegularExpressions;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.ViewModels.Kpis;

namespace DataProductDashboard.ViewModels.Reports;

/// <summary>The glossary at the end of a report: every term and metric the report mentions, with its definition taken
/// from where the app keeps it — the insight <see cref="Glossary"/> for the terms the sentences use, the
/// <see cref="MetricCatalog"/> for the metrics charted or named in a sentence (a gate's metric, an A/B test's), and each
/// KPI's own definition (its description, target and direction). One entry per term (case-insensitive, the first
/// source wins in that order), alphabetical.</summary>
public static class ReportGlossary
{
    /// <summary>Catalog names too common in plain prose to mean the metric ("rows").</summary>
    private static readonly HashSet<string> NotScanned = [MetricKeys.Rows];

    /// <summary>Each catalog name once (per-column and per-segment variants share a name), with a whole-word pattern.</summary>
    private static readonly IReadOnlyList<(string Name, string Explanation, Regex Pattern)> CatalogNames = MetricCatalog.All
        .Where(m => !NotScanned.Contains(m.Key))
        .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
        .Select(g => (g.First().Name, g.First().Explanation,
            new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(g.Key)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
        .ToList();

    public static IReadOnlyList<GlossaryEntry> For(IEnumerable<Insight> insights, IEnumerable<ReportChart> charts, IEnumerable<KpiDefinition> kpis)
    {
        var sentences = insights.Select(i => i.Sentence).ToList();
        var entries = new Dictionary<string, GlossaryEntry>(StringComparer.OrdinalIgnoreCase);
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        void Add(string term, string definition)
        {
            // The two p-value spellings ("p < 0.001", "p =") share one definition: listed once.
            if (!entries.ContainsKey(term) && definitions.Add(definition))
                entries[term] = new GlossaryEntry(term, definition);
        }

        foreach (var segment in sentences.SelectMany(GlossaryText.Segment))
        {
            if (segment.Explanation is { } explanation)
                Add(TermOf(segment.Text), explanation);
        }
        foreach (var key in charts.Select(c => c.MetricKey).OfType<string>())
        {
            if (MetricCatalog.Find(key) is { } metric)
                Add(metric.Name, metric.Explanation);
        }
        foreach (var (name, explanation, pattern) in CatalogNames)
        {
            if (sentences.Any(pattern.IsMatch))
                Add(name, explanation);
        }
        foreach (var kpi in kpis)
            Add(kpi.Name, Define(kpi));
        return entries.Values.OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"Rentals per day. Measured as: Sum of cnt per day. Target ≥ 5,000 rentals (at risk down to 4,250) per day; higher is better."</summary>
    public static string Define(KpiDefinition kpi)
    {
        var description = kpi.Description.Trim().TrimEnd('.');
        var lead = (description.Length == 0 ? "A KPI." : $"{description}.") + $" Measured as: {KpiDisplay.Source(kpi)}.";
        return $"{lead} Target {KpiDisplay.TargetText(kpi.Direction, kpi.Target, kpi.Tolerance, kpi.Unit)} per {Analysis.Kpi.KpiPeriods.Noun(kpi.Period)}; "
            + $"{KpiDisplay.Direction(kpi.Direction).ToLowerInvariant()}.";
    }

    /// <summary>The glossary's own spelling of a matched term ("concept drift", "MAE"); the p-value spellings as "p-value".</summary>
    private static string TermOf(string matched)
    {
        var key = Glossary.Terms.Keys.First(k => string.Equals(k, matched, StringComparison.OrdinalIgnoreCase));
        return key.StartsWith("p ", StringComparison.Ordinal) ? "p-value" : key;
    }
}
