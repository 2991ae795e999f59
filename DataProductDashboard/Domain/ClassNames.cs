using System.Globalization;

namespace DataProductDashboard.Domain;

/// <summary>The names of a binary product's two classes. Predictions and labels are stored as 1 (positive) and 0
/// (negative); these are the names users read instead. The positive is the schema's
/// <see cref="ProductSchema.PositiveClass"/>; the negative is the label's other allowed value, else the name stored
/// with the schema (<see cref="ProductSchema.NegativeClass"/>, taken from the training labels when a model is trained
/// in the app), else "not &lt;positive&gt;".</summary>
public sealed record ClassNames(string Negative, string Positive)
{
    /// <summary>The positive class when a binary schema does not name one (it always should).</summary>
    public const string DefaultPositive = "1";

    /// <summary>The class of a stored 0/1 value: 1 (≥ 0.5) is the positive class.</summary>
    public string Of(double value) => value >= 0.5 ? Positive : Negative;

    /// <summary>The class of a stored value; null for a missing (or non-finite) value.</summary>
    public string? Of(double? value) => value is { } v && double.IsFinite(v) ? Of(v) : null;

    /// <summary>A multiclass product's classes in the order its label lists them (allowedValues): predictions and labels
    /// are stored as the index of their class in this list.</summary>
    public static IReadOnlyList<string> Multiclass(ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Label?.AllowedValues ?? [];
    }

    /// <summary>How a stored prediction or label reads as a class: binary 0 / 1 as the two names, multiclass an index as
    /// its class; null for regression (its values are numbers).</summary>
    public static Func<double?, string?>? Reader(TaskType task, ProductSchema schema) => task switch
    {
        TaskType.BinaryClassification => For(schema).Of,
        TaskType.MulticlassClassification => code => LabelCodes.Name(code, Multiclass(schema)),
        _ => null,
    };

    /// <summary>The class names of a binary product; null for other tasks (their predictions are numbers or names).</summary>
    public static ClassNames? For(TaskType task, ProductSchema schema) =>
        task == TaskType.BinaryClassification ? For(schema) : null;

    /// <summary>The class names of a binary schema.</summary>
    public static ClassNames For(ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var positive = string.IsNullOrWhiteSpace(schema.PositiveClass) ? DefaultPositive : schema.PositiveClass;
        return new ClassNames(OtherAllowedValue(schema.Label, positive)
            ?? (string.IsNullOrWhiteSpace(schema.NegativeClass) || schema.NegativeClass == positive ? null : schema.NegativeClass)
            ?? $"not {positive}", positive);
    }

    /// <summary>Whether the schema leaves the negative class unnamed: its label does not list exactly one value besides
    /// the positive class, and no name is stored with it. Training then names it from the labels.</summary>
    public static bool NeedsNegative(ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var positive = string.IsNullOrWhiteSpace(schema.PositiveClass) ? DefaultPositive : schema.PositiveClass;
        return OtherAllowedValue(schema.Label, positive) is null && string.IsNullOrWhiteSpace(schema.NegativeClass);
    }

    /// <summary>The negative class named by training labels: the one value besides the positive class, when the labels
    /// (non-missing) hold exactly the positive class and one other; null otherwise (a label with several negative
    /// values, or only one class). Numeric labels compare as numbers (positive "1" matches 1.0) and name the other
    /// value in invariant culture.</summary>
    public static string? NegativeFromLabels(ColumnTable table, ColumnSpec label, string? positiveClass)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(label);
        var positive = string.IsNullOrWhiteSpace(positiveClass) ? DefaultPositive : positiveClass;
        if (table.TryGetNumeric(label.Name, out var numbers))
        {
            if (!double.TryParse(positive, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                return null;
            double? other = null;
            var sawPositive = false;
            foreach (var v in numbers)
            {
                if (double.IsNaN(v))
                    continue;
                if (v == p)
                    sawPositive = true;
                else if (other is null)
                    other = v;
                else if (other.Value != v)
                    return null;
            }
            return sawPositive && other is { } o ? o.ToString("R", CultureInfo.InvariantCulture) : null;
        }
        if (table.TryGetStrings(label.Name, out var texts))
        {
            string? other = null;
            var sawPositive = false;
            foreach (var t in texts)
            {
                if (t is null)
                    continue;
                if (string.Equals(t, positive, StringComparison.Ordinal))
                    sawPositive = true;
                else if (other is null)
                    other = t;
                else if (!string.Equals(other, t, StringComparison.Ordinal))
                    return null;
            }
            return sawPositive ? other : null;
        }
        return null;
    }

    private static string? OtherAllowedValue(ColumnSpec? label, string positive)
    {
        if (label?.AllowedValues is not { Count: > 0 } allowed)
            return null;
        string? other = null;
        foreach (var value in allowed)
        {
            if (value is null || string.Equals(value, positive, StringComparison.Ordinal) || string.Equals(value, other, StringComparison.Ordinal))
                continue;
            if (other is not null)
                return null;
            other = value;
        }
        return other;
    }
}
