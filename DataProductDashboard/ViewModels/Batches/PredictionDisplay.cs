using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Batches;

/// <summary>How stored predictions read in the preview: binary products show the class (the positive class value, or
/// "other"), regression shows the number.</summary>
public sealed class PredictionDisplay(TaskType task, string? positiveClass)
{
    public bool IsBinary => task == TaskType.BinaryClassification;

    /// <summary>The positive class as the schema names it ("1" when the schema does not say).</summary>
    public string PositiveClass => string.IsNullOrWhiteSpace(positiveClass) ? "1" : positiveClass;

    public string PredictedHeader => IsBinary ? "Predicted class" : "Predicted";

    public string ScoreHeader => IsBinary ? "P(positive class)" : "Score";

    /// <summary>Binary: 1 → "2 (positive)", 0 → "other"; otherwise the number.</summary>
    public string Class(double? value) => value switch
    {
        null => "–",
        { } v when !double.IsFinite(v) => "–",
        { } v when IsBinary => v >= 0.5 ? $"{PositiveClass} (positive)" : "other",
        { } v => Display.Number(v),
    };

    public string Score(double? value) => Display.Number(value);
}
