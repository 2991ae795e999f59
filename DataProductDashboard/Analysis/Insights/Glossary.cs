using DataProductDashboard.Analysis.Gates;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>The terms insight sentences use, each with a one-sentence explanation shown on hover and in a report's
/// glossary. The metrics among them (MAE, accuracy) take their explanation from <see cref="MetricCatalog"/>, the one
/// source of metric descriptions.</summary>
public static class Glossary
{
    /// <summary>The performance metrics insight sentences name (the champion's metric).</summary>
    private static readonly string[] Metrics = ["mae", "accuracy"];

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["business drift"] = "The KPI moved while the model stayed accurate and its inputs stayed stable: the market or the target changed, not the model.",
        ["data drift"] = "The distribution of the model's inputs changed compared with the data it was trained on.",
        ["concept drift"] = "The relation between inputs and outcome changed: the model's accuracy on labelled production data fell more than chance explains.",
        ["prediction drift"] = "The distribution of the model's outputs changed compared with its training data.",
        ["tolerance band"] = "The range around the target within which a KPI counts as at risk rather than off target.",
        ["off target"] = "Worse than the target by more than the tolerance.",
        ["sustained run"] = "Several consecutive periods off target (the KPI's run length); one bad period alone is not drift.",
        ["hold-out"] = "Data kept aside when the model was trained, used to measure its accuracy before release.",
        ["sample-ratio mismatch"] = "The arms of an A/B test did not receive the planned share of rows (chi-square test, p < 0.001): the split is broken, so its results are not trustworthy.",
        ["Holm correction"] = "Several metrics were compared at once; the Holm method raises each p-value so that the chance of any false alarm stays at α.",
        ["significant"] = "The difference is larger than chance alone would plausibly produce (p-value below α).",
        ["A/B test"] = "Production rows are split by a stable hash of their key between the champion and a challenger model, and the two arms are compared.",
        ["critical gate"] = "A quality threshold set by the product manager whose failure marks a batch unhealthy and blocks releases.",
        ["p < 0.001"] = "The p-value: the probability of a difference at least this large if there were no real difference.",
        ["p ="] = "The p-value: the probability of a difference at least this large if there were no real difference.",
    };

    // Declared after the lists it is built from: static fields initialize in order.
    public static readonly IReadOnlyDictionary<string, string> Terms = Build();

    private static Dictionary<string, string> Build()
    {
        var terms = new Dictionary<string, string>(Words, StringComparer.OrdinalIgnoreCase);
        foreach (var metric in MetricCatalog.PerformanceMetrics.Where(m => Metrics.Contains(m.Metric)))
            terms[metric.Name] = metric.Explanation;
        return terms;
    }
}
