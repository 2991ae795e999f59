using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using nietras.SeparatedValues;

namespace DataProductDashboard.Services.Kpis;

/// <summary>Reads uploaded KPI values — a CSV with the header <c>period,value</c> (and optionally <c>arm</c>), or the
/// rows of a JSON body — and validates every row: the period is a date at the start of the KPI's period
/// (<c>yyyy-MM-dd</c>, or <c>yyyy-MM</c> for months), the value a finite number, the arm <c>champion</c> or
/// <c>challenger</c>, and no period (and arm) twice. Every problem is collected (up to 50) before anything is
/// stored, keyed "row N, column 'c'" (the header is row 1) or "values[i].field".</summary>
public static class KpiValuesParser
{
    public const string PeriodColumn = "period";
    public const string ValueColumn = "value";
    public const string ArmColumn = "arm";
    private static readonly string[] Known = [PeriodColumn, ValueColumn, ArmColumn];

    /// <summary>The rows of a CSV file as sent, with the line each is on (the header is line 1; blank lines are
    /// skipped); structural problems (encoding, header, ragged rows) throw at once.</summary>
    public static (IReadOnlyList<KpiValueInput> Rows, IReadOnlyList<int> Lines) ReadCsv(ReadOnlyMemory<byte> content, string fileName)
    {
        var span = content.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble))
            content = content[3..];
        if (content.Span.Trim("\r\n\t "u8).IsEmpty)
            throw new InputValidationException("file", $"'{fileName}' is empty: a KPI values file has the header period,value and one row per period.");
        if (!Utf8.IsValid(content.Span))
            throw new InputValidationException("file", $"'{fileName}' is not valid UTF-8; save it as CSV UTF-8.");
        CsvShapeCheck.Check(content.Span, ',', fileName);

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer, HasHeader = false })
            .From(new ReadOnlyMemoryStream(content));
        var rows = new List<KpiValueInput>();
        var lines = new List<int>();
        int[]? index = null;
        var width = 0;
        var errors = new CsvErrorCollector();
        foreach (var row in reader)
        {
            if (index is null)
            {
                var names = new string[row.ColCount];
                for (var i = 0; i < names.Length; i++)
                    names[i] = row[i].ToString().Trim();
                index = Header(names, fileName);
                width = names.Length;
                continue;
            }
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                continue;
            lines.Add(line);
            if (row.ColCount != width)
            {
                errors.Add($"row {line}", $"expected {width} values (one per header column) but found {row.ColCount}");
                rows.Add(new KpiValueInput(null, null));
                continue;
            }
            var cells = new string?[Known.Length];
            for (var c = 0; c < cells.Length; c++)
                cells[c] = index[c] < 0 ? null : row[index[c]].ToString() is { Length: > 0 } text ? text : null;
            rows.Add(new KpiValueInput(cells[0], cells[1], cells[2]));
        }
        if (errors.HasErrors)
            throw new InputValidationException(errors.Summary(fileName), errors.ToDictionary());
        if (index is null || rows.Count == 0)
            throw new InputValidationException("file", $"'{fileName}' has a header but no data rows.");
        return (rows, lines);
    }

    /// <summary>Validates the rows for a KPI measured per <paramref name="period"/>. <paramref name="key"/> names a
    /// field of a row ("row 3, column 'period'"), <paramref name="where"/> the row itself ("row 3").</summary>
    public static IReadOnlyList<(DateTime Period, ExperimentArm? Arm, double Value)> Validate(IReadOnlyList<KpiValueInput> rows, KpiPeriod period,
        Func<int, string, string> key, Func<int, string> where, string what)
    {
        var errors = new CsvErrorCollector();
        var result = new List<(DateTime, ExperimentArm?, double)>(rows.Count);
        var first = new Dictionary<(DateTime, ExperimentArm?), int>();
        for (var i = 0; i < rows.Count && !errors.IsFull; i++)
        {
            var row = rows[i];
            var start = ParsePeriod(row.Period, period, out var periodError);
            if (periodError is not null)
                errors.Add(key(i, PeriodColumn), periodError);
            var value = ParseValue(row.Value, out var valueError);
            if (valueError is not null)
                errors.Add(key(i, ValueColumn), valueError);
            var arm = ParseArm(row.Arm, out var armError);
            if (armError is not null)
                errors.Add(key(i, ArmColumn), armError);
            if (start is not { } s || periodError is not null || valueError is not null || armError is not null)
                continue;
            if (!first.TryAdd((s, arm), i))
            {
                errors.Add(key(i, PeriodColumn), $"{KpiPeriods.Format(s, period)}{(arm is null ? "" : $" ({arm.ToString()!.ToLowerInvariant()})")} appears again (first on {where(first[(s, arm)])})");
                continue;
            }
            result.Add((s, arm, value));
        }
        if (errors.HasErrors)
            throw new InputValidationException(errors.Summary(what), errors.ToDictionary());
        if (result.Count == 0)
            throw new InputValidationException("values", $"'{what}' has no values.");
        return result;
    }

    /// <summary>The period start a text names; an error (and null) when it is not a date or not a period start.</summary>
    public static DateTime? ParsePeriod(string? text, KpiPeriod period, out string? error)
    {
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = $"a period is required, e.g. {Example(period)}";
            return null;
        }
        string[] formats = period == KpiPeriod.Month ? ["yyyy-MM", "yyyy-MM-dd"] : ["yyyy-MM-dd"];
        if (!DateTime.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            error = $"'{Shorten(trimmed)}' is not a date: write {(period == KpiPeriod.Month ? "yyyy-MM" : "yyyy-MM-dd")}, e.g. {Example(period)}";
            return null;
        }
        date = DateTime.SpecifyKind(date, DateTimeKind.Utc);
        var start = KpiPeriods.Start(date, period);
        if (start != date)
        {
            error = period == KpiPeriod.Week
                ? $"{trimmed} is not the start of a week (weeks start on Monday: {KpiPeriods.Format(start, period)})"
                : $"{trimmed} is not the start of a month (use {KpiPeriods.Format(start, period)} or {start:yyyy-MM-dd})";
            return null;
        }
        return start;
    }

    private static double ParseValue(string? text, out string? error)
    {
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "a value is required";
            return double.NaN;
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{Shorten(trimmed)}' is not a number (use a dot for decimals, e.g. 1234.5)";
            return double.NaN;
        }
        if (!double.IsFinite(value))
            error = $"'{trimmed}' is not a finite number";
        return value;
    }

    private static ExperimentArm? ParseArm(string? text, out string? error)
    {
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Equals("champion", StringComparison.OrdinalIgnoreCase))
            return ExperimentArm.Champion;
        if (trimmed.Equals("challenger", StringComparison.OrdinalIgnoreCase))
            return ExperimentArm.Challenger;
        error = $"'{Shorten(trimmed)}' is not an A/B arm: use champion or challenger, or leave it empty";
        return null;
    }

    private static int[] Header(string[] names, string fileName)
    {
        names = names.Select(n => n.TrimStart('\uFEFF')).ToArray();
        if (names.Length == 1 && new[] { ';', '\t', '|' }.FirstOrDefault(d => names[0].Contains(d)) is var d and not '\0')
            throw new InputValidationException("header", $"'{fileName}' looks {(d == '\t' ? "tab" : $"'{d}'")}-separated; write a comma-separated file: period,value");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var dup in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors[$"column '{dup.Key}'"] = [$"the header names column '{dup.Key}' {dup.Count()} times"];
        foreach (var extra in names.Where(n => !Known.Contains(n, StringComparer.OrdinalIgnoreCase)).Distinct())
            errors[$"column '{extra}'"] = [$"column '{extra}' is not expected: a KPI values file has the columns period, value and optionally arm"];
        foreach (var required in new[] { PeriodColumn, ValueColumn }.Where(r => !names.Contains(r, StringComparer.OrdinalIgnoreCase)))
            errors[$"column '{required}'"] = [$"required column '{required}' is missing from the header (expected: period,value[,arm])"];
        if (errors.Count > 0)
            throw new InputValidationException($"The header of '{fileName}' is not period,value[,arm]: {string.Join("; ", errors.Values.Select(v => v[0]))}.", errors);
        return [.. Known.Select(k => Array.FindIndex(names, n => n.Equals(k, StringComparison.OrdinalIgnoreCase)))];
    }

    private static string Example(KpiPeriod period) => period switch
    {
        KpiPeriod.Month => "2024-05",
        _ => "2024-05-06",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
