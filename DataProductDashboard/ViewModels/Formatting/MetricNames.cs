namespace DataProductDashboard.ViewModels.Formatting;

/// <summary>How hold-out metric keys (<c>mae</c>, <c>roc_auc</c>, …) read in the UI, their display order, and which
/// direction is better.</summary>
public static class MetricNames
{
    private static readonly (string Key, string Name, bool LowerIsBetter)[] Known =
    [
        ("mae", "MAE", true),
        ("rmse", "RMSE", true),
        ("r2", "R²", false),
        ("accuracy", "Accuracy", false),
        ("roc_auc", "ROC AUC", false),
        ("f1", "F1", false),
        ("precision", "Precision", false),
        ("recall", "Recall", false),
        ("log_loss", "Log loss", true),
        ("balanced_accuracy", "Balanced accuracy", false),
        ("macro_f1", "Macro F1", false),
        ("macro_precision", "Macro precision", false),
        ("macro_recall", "Macro recall", false),
    ];

    /// <summary>"MAE", "R²", "ROC AUC"; an unknown key is shown as it is.</summary>
    public static string Display(string key) =>
        Array.Find(Known, k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase)) is { Name: { } name } ? name : key;

    /// <summary>True for error-like metrics (MAE, RMSE, log loss), where a smaller value is better.</summary>
    public static bool LowerIsBetter(string key) =>
        Array.Exists(Known, k => k.LowerIsBetter && string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Known metrics in their usual order, then unknown keys alphabetically.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> keys) => keys
        .Distinct(StringComparer.Ordinal)
        .OrderBy(Rank)
        .ThenBy(k => k, StringComparer.Ordinal)
        .ToList();

    private static int Rank(string key)
    {
        var index = Array.FindIndex(Known, k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? Known.Length : index;
    }
}
