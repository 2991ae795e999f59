using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Reports;

namespace DataProductDashboard.Tests.ViewModels.Reports;

public sealed class ReportGlossaryTests
{
    private static Insight Say(string sentence) => new(InsightSeverity.Info, InsightTopic.Experiment, sentence, [], null);

    [Fact]
    public void For_TermsAndMetricNamesInSentences_ListsEachOnceAlphabetically()
    {
        var entries = ReportGlossary.For(
            [Say("A/B test 'x' is running: the challenger's ROC AUC is 0.81, not significant yet (p = 0.2)."), Say("Concept drift, and concept drift again.")],
            [], []);

        Assert.Equal(["A/B test", "concept drift", "p-value", "ROC AUC", "significant"], entries.Select(e => e.Term));
        Assert.Equal(MetricCatalog.PerformanceMetrics.Single(m => m.Metric == "roc_auc").Explanation + " Needs labels.", entries.Single(e => e.Term == "ROC AUC").Definition);
    }

    [Fact]
    public void For_BothPValueSpellings_ListedOnce() =>
        Assert.Single(ReportGlossary.For([Say("Mismatch (p < 0.001)."), Say("Not yet (p = 0.4).")], [], []), e => e.Term == "p-value");

    [Fact]
    public void For_RowsInPlainProse_IsNoGlossaryEntry() =>
        Assert.Empty(ReportGlossary.For([Say("Rows arrived: 412 rows in the batch.")], [], []));

    [Fact]
    public void For_ChartedMetric_TakesTheCatalogDefinition()
    {
        var chart = ReportCharts.For(ReportSamples.Data()).Single(c => c.Id == ReportCharts.DriftId);

        var entry = Assert.Single(ReportGlossary.For([], [chart], []));

        Assert.Equal(MetricCatalog.Find(DataProductDashboard.Analysis.AuditPoints.DriftShare)!.Name, entry.Term);
        Assert.Equal(MetricCatalog.Find(DataProductDashboard.Analysis.AuditPoints.DriftShare)!.Explanation, entry.Definition);
    }

    [Fact]
    public void Define_Kpi_SaysItsDescriptionSourceTargetAndDirection()
    {
        Assert.Equal("Rentals paid for per week. Measured as: Uploaded values. Target ≥ 100 kEUR (at risk down to 90) per week; higher is better.",
            ReportGlossary.Define(ReportSamples.Kpi()));
        Assert.StartsWith("A KPI. Measured as: Uploaded values. Target", ReportGlossary.Define(ReportSamples.Kpi(description: "")));
    }

    [Fact]
    public void Terms_MaeAndAccuracy_AreExplainedByTheMetricCatalog()
    {
        Assert.Equal(MetricCatalog.PerformanceMetrics.Single(m => m.Metric == "mae").Explanation, Glossary.Terms["MAE"]);
        Assert.Equal(MetricCatalog.PerformanceMetrics.Single(m => m.Metric == "accuracy").Explanation, Glossary.Terms["accuracy"]);
    }
}
