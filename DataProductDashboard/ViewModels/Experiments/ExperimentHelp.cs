namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>The plain-language explanations the experiments page shows on hover.</summary>
public static class ExperimentHelp
{
    public const string PValue =
        "p-value: how often a difference at least this large would show up by chance if the two versions were really equally good. Small (below α) means the difference is unlikely to be luck.";

    public const string ConfidenceInterval =
        "Confidence interval of the difference (challenger − champion): the range of true differences compatible with the data at confidence 1 − α. If it excludes 0, the difference is significant.";

    public const string Holm =
        "Holm-adjusted p-value: comparing several metrics at once raises the chance that one looks significant by luck. Holm's method raises the p-values of the secondary metrics so that the chance of any false alarm among them stays below α. The primary metric, planned for alone, is judged on its own p-value.";

    public const string SampleRatio =
        "Sample ratio mismatch (SRM): the rows each arm received should follow the configured split. A χ² test with p < 0.001 says they do not — a sign that assignment, filtering or logging is broken, which biases every other number.";

    public const string MinimumDetectableEffect =
        "Minimum detectable effect (MDE): the smallest difference worth detecting, in the metric's unit. The sample size is planned so that a true difference this large is found with the chosen power.";

    public const string Progress =
        "Rows (labelled rows for performance metrics) each arm has so far, against the number needed to detect the MDE with the chosen power at level α. Deciding earlier risks missing a real effect — or shipping noise.";

    public const string Alpha =
        "α (significance level): the false-alarm rate you accept — the chance of calling a difference significant when there is none. 0.05 is usual.";

    public const string Split =
        "Each row goes to the challenger when a stable hash of its row key falls below this share, so the same key always lands in the same arm.";
}
