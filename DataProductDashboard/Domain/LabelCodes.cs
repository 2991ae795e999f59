using System.Globalization;

namespace DataProductDashboard.Domain;

/// <summary>How a multiclass label is stored: the index of its class in the product's classes
/// (<see cref="ClassNames.Multiclass"/>); a missing label is NaN, never a class.</summary>
public static class LabelCodes
{
    public static double[] Multiclass(ColumnTable table, string column, IReadOnlyList<string> classes)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        string?[] names = table.TryGetStrings(column, out var texts) ? texts
            : [.. table.Numeric(column).Select(v => double.IsNaN(v) ? null : v.ToString(CultureInfo.InvariantCulture))];
        var codes = new double[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            codes[i] = names[i] is not { } name ? double.NaN
                : index.TryGetValue(name, out var k) ? k
                : throw new InputValidationException(column, $"Row {i + 1}: '{name}' is not one of the classes of '{column}' ({string.Join(", ", classes)}).");
        }
        return codes;
    }

    /// <summary>The class name of a stored code; null for a missing or out-of-range one.</summary>
    public static string? Name(double? code, IReadOnlyList<string> classes) =>
        code is { } c && double.IsFinite(c) && c >= 0 && c < classes.Count && c == Math.Floor(c) ? classes[(int)c] : null;
}
