using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Batches;

/// <summary>How stored predictions read in the preview: binary products show the class by name (the schema's positive
/// class for 1, the negative class for 0; see <see cref="ClassNames"/>), regression shows the number.</summary>
public sealed class PredictionDisplay(TaskType task, ClassNames? classes, IReadOnlyList<string>? multiclass = null)
{
    private readonly IReadOnlyList<string>? _multiclass = task == TaskType.MulticlassClassification ? multiclass ?? [] : null;
    private readonly ClassNames? _classes = task == TaskType.BinaryClassification ? classes ?? new ClassNames($"not {ClassNames.DefaultPositive}", ClassNames.DefaultPositive) : null;

    /// <summary>The display of a product's predictions.</summary>
    public static PredictionDisplay For(TaskType task, ProductSchema schema) => new(task, ClassNames.For(task, schema), ClassNames.Multiclass(schema));

    /// <summary>Multiclass: predictions are classes, scores the predicted class's probability.</summary>
    public bool IsMulticlass => _multiclass is not null;

    public bool IsBinary => _classes is not null;

    /// <summary>The positive class as the schema names it ("1" when the schema does not say).</summary>
    public string PositiveClass => _classes?.Positive ?? ClassNames.DefaultPositive;

    /// <summary>The negative class (the label's other value, or "not &lt;positive&gt;").</summary>
    public string NegativeClass => _classes?.Negative ?? $"not {ClassNames.DefaultPositive}";

    public string PredictedHeader => IsBinary || IsMulticlass ? "Predicted class" : "Predicted";

    public string ScoreHeader => IsBinary ? $"P({PositiveClass})" : IsMulticlass ? "P(predicted class)" : "Score";

    public string LabelHeader => IsBinary || IsMulticlass ? "True class" : "Label";

    /// <summary>Binary: 1 → the positive class ("bad"), 0 → the negative class ("good"); otherwise the number.</summary>
    public string Class(double? value) => value switch
    {
        null => "–",
        { } v when !double.IsFinite(v) => "–",
        { } v when _classes is { } c => c.Of(v),
        { } v when _multiclass is { } names => LabelCodes.Name(v, names) ?? Display.Number(v),
        { } v => Display.Number(v),
    };

    public string Score(double? value) => Display.Number(value);
}
