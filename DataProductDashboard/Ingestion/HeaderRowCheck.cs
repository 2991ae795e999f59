using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>Checks row 1 before the file is read: a file without a header row (row 1 holds data) is refused saying so,
/// with the header the product expects, instead of a "required column … is missing" per column; then a header that
/// repeats a name is refused naming it (Sep would refuse it without saying which).</summary>
internal static class HeaderRowCheck
{
    /// <summary>Throws <see cref="InputValidationException"/> keyed "header" when row 1 of <paramref name="bytes"/> (the
    /// file's text after any byte-order mark) looks like data, and one keyed by column when it repeats a name.</summary>
    /// <param name="schema">The product the file is read for; null when a sample is read to infer one (then only
    /// values that no schema is needed to recognise count: numbers and ISO 8601 dates).</param>
    public static void Check(ReadOnlySpan<byte> bytes, char delimiter, string fileName, ProductSchema? schema)
    {
        var end = bytes.IndexOf((byte)'\n');
        var names = Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).TrimEnd('\r').TrimStart('\uFEFF')
            .Split(delimiter).Select(n => n.Trim().Trim('"')).ToArray();
        if (schema is null ? LooksLikeDataWithoutSchema(names) : LooksLikeData(names, schema))
        {
            var fix = schema is null
                ? "add a header row that names the columns"
                : $"add the header this product expects as row 1: {string.Join(delimiter, schema.FileColumns.Select(c => c.Name))}";
            throw new InputValidationException("header",
                $"Row 1 of '{fileName}' looks like data, not column names ({Excerpt(names)}): the file has no header row; {fix}.");
        }
        var errors = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .ToDictionary(g => $"column '{g.Key}'", g => new[] { $"the header names column '{g.Key}' {g.Count()} times" });
        if (errors.Count > 0)
            throw new InputValidationException($"The header of '{fileName}' repeats column names: {string.Join("; ", errors.Values.Select(v => v[0]))}.", errors);
    }

    /// <summary>None of the product's column names is in row 1, and at least half of its cells are values (numbers,
    /// ISO 8601 dates, declared categories or missing-value markers) or empty, at least one of them a value.</summary>
    private static bool LooksLikeData(string[] row, ProductSchema schema)
    {
        if (row.Any(cell => schema.Columns.Any(c => string.Equals(c.Name, cell, StringComparison.OrdinalIgnoreCase))))
            return false;
        var known = new HashSet<string>(schema.Columns.SelectMany(c => (c.AllowedValues ?? []).Concat(schema.MarkersFor(c))), StringComparer.Ordinal);
        var values = row.Count(cell => cell.Length > 0 && (IsNumberOrDate(cell) || known.Contains(cell)));
        return values > 0 && (values + row.Count(cell => cell.Length == 0)) * 2 >= row.Length;
    }

    /// <summary>At least a third of row 1 are numbers or ISO 8601 dates: names are rarely either.</summary>
    private static bool LooksLikeDataWithoutSchema(string[] row) => row.Count(IsNumberOrDate) * 3 >= row.Length;

    private static bool IsNumberOrDate(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || TimestampFormat.TryParseIso(cell, out _);

    /// <summary>The first cells of row 1 for a message: '5.1', '3.5', '1.4', '0.2', …</summary>
    private static string Excerpt(string[] row)
    {
        var shown = row.Take(4).Select(c => c.Length > 20 ? $"'{c[..20]}…'" : $"'{c}'");
        return string.Join(", ", shown) + (row.Length > 4 ? ", …" : "");
    }
}
