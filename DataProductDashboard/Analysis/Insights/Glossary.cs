namespace DataProductDashboard.Analysis.Insights;

/// <summary>The terms insight sentences use, each with a one-sentence explanation shown on hover.</summary>
public static class Glossary
{
    public static readonly IReadOnlyDictionary<string, string> Terms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["business drift"] = "The KPI moved while the model stayed accurate and its inputs stayed stable: the market or the target changed, not the model.",
        ["data drift"] = "The distribution of the model's inputs changed compared with the data it was trained on.",
        ["concept drift"] = "The relation between inputs and outcome changed: the model's accuracy on labelled production data fell more than chance explains.",
        ["prediction drift"] = "The distribution of the model's outputs changed compared with its training data.",
        ["tolerance band"] = "The range around the target within which a KPI counts as at risk rather than off target.",
        ["off target"] = "Worse than the target by more than the tolerance.",
        ["sustained run"] = "Several consecutive periods off target (the KPI's run length); one bad period alone is not drift.",
        ["hold-out"] = "Data kept aside when the model was trained, used to measure its accuracy before release.",
        ["MAE"] = "Mean absolute error: the average size of the model's mistakes, in the label's unit.",
        ["accuracy"] = "The share of predictions that were right.",
        ["sample-ratio mismatch"] = "The arms of an A/B test did not receive the planned share of rows (chi-square test, p < 0.001): the split is broken, so its results are not trustworthy.",
        ["Holm correction"] = "Several metrics were compared at once; the Holm method raises each p-value so that the chance of any false alarm stays at α.",
        ["significant"] = "The difference is larger than chance alone would plausibly produce (p-value below α).",
        ["A/B test"] = "Production rows are split by a stable hash of their key between the champion and a challenger model, and the two arms are compared.",
        ["critical gate"] = "A quality threshold set by the product manager whose failure marks a batch unhealthy and blocks releases.",
        ["p < 0.001"] = "The p-value: the probability of a difference at least this large if there were no real difference.",
        ["p ="] = "The p-value: the probability of a difference at least this large if there were no real difference.",
    };
}
