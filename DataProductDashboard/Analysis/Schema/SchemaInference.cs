using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Schema;

/// <summary>Proposes a product schema from a sample: each column's kind (numeric, categorical, timestamp, id, text), the
/// missing-value markers it holds, and roles — a row key (a unique id-like column), an event time (a timestamp), a label
/// and the task it implies, segments (low-cardinality categoricals). Values seen in the sample (categories, ranges) are
/// offered, never written into the schema, except the label's classes of a classification task (labels outside them
/// must be refused). The cells are read as the batch reader reads them (trimmed, unquoted), so what is inferred here
/// is what a batch will be checked against.</summary>
public static class SchemaInference
{
    /// <summary>The markers looked for when none are given.</summary>
    public static readonly IReadOnlyList<string> DefaultMarkers = ["NA", "N/A", "null", "?", "-"];

    /// <summary>At most this many distinct values make a categorical column (more: id or text).</summary>
    public const int MaxCategories = 50;

    /// <summary>At most this many distinct values make a categorical column a proposed segment.</summary>
    public const int MaxSegmentValues = 10;

    /// <summary>At most this many classes make a multiclass label.</summary>
    public const int MaxClasses = 20;

    private const int ExampleCount = 5;

    private static readonly string[] KeyNames = ["id", "key", "instant", "index", "uuid", "guid", "rowid", "row_id", "record", "no", "number"];
    private static readonly string[] TimeNames = ["timestamp", "datetime", "date", "time", "dteday", "ts", "when", "at"];
    private static readonly string[] LabelNames = ["label", "target", "class", "y", "outcome", "result", "income", "cnt", "count", "price",
        "churn", "default", "survived", "quality", "credit_risk", "risk", "fraud", "response", "pm2.5", "pm25", "pm10", "aqi", "demand",
        "sales", "revenue", "salary"];
    /// <summary>Pairs of class names with a conventional positive class (the second); other pairs take the rarer class,
    /// usually the event a model is built to find.</summary>
    private static readonly (string Negative, string Positive)[] PositivePairs =
        [("0", "1"), ("false", "true"), ("no", "yes"), ("n", "y"), ("f", "t"), ("negative", "positive"), ("good", "bad")];

    /// <summary>Names of the parts of a time split over columns (compared ignoring case), in the order of
    /// <see cref="ColumnSpec.ComposedOf"/>: year, month, day, and optionally hour.</summary>
    private static readonly string[][] PartNames = [["year", "yr", "yyyy"], ["month", "mnth", "mm"], ["day", "dd", "dom"], ["hour", "hr", "hh"]];

    /// <summary>The plausible whole values of each part (a year has four digits).</summary>
    private static readonly (double Min, double Max)[] PartRanges = [(1000, 9999), (1, 12), (1, 31), (0, 23)];

    /// <summary>The name proposed for a composed event time (with a number when the sample has a column of that name).</summary>
    public const string ComposedTimeName = "event_time";

    /// <summary>Date forms other than ISO 8601 that samples commonly use, tried in this order; day-first before month-first
    /// (a sample where both read every value is ambiguous and says so).</summary>
    private static readonly string[] DateFormats =
    [
        "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss",
        "dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss",
        "MM/dd/yyyy", "MM/dd/yyyy HH:mm", "MM/dd/yyyy HH:mm:ss",
        "yyyy/MM/dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd HH:mm:ss",
        "dd-MM-yyyy", "dd-MM-yyyy HH:mm", "dd-MM-yyyy HH:mm:ss",
        "yyyyMMdd",
    ];

    /// <summary>Infers the schema of <paramref name="rows"/> (cells in <paramref name="header"/> order, already trimmed).
    /// <paramref name="markers"/>: the cell values to count as missing (default <see cref="DefaultMarkers"/>);
    /// <paramref name="label"/>: the label column the user chose (default: the best candidate).</summary>
    public static SchemaProposal Infer(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyList<string>? markers = null,
        string? label = null, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        markers ??= DefaultMarkers;
        var notes = new List<string>();
        var profiles = header.Select((name, i) => ColumnProfile.Of(name, rows.Select(r => i < r.Length ? r[i] : ""), markers)).ToList();
        var markersSeen = markers.Where(m => profiles.Any(p => p.MarkerCells.ContainsKey(m))).ToList();

        var keyIndex = profiles.FindIndex(p => p.IsKeyLike && HasName(p.Name, KeyNames));
        if (keyIndex < 0)
            keyIndex = profiles.FindIndex(p => p.Kind == ColumnKind.Id && p.IsUnique && p.Missing == 0);
        if (keyIndex < 0)
            notes.Add("No column is unique in the sample, so there is no row key: the app numbers each batch's rows \"batch:row\" (shown and exported with the predictions), and labels sent later use those numbers in a column 'row'.");

        var times = profiles.Select((p, i) => (p, i)).Where(x => x.p.Kind == ColumnKind.Timestamp).ToList();
        var timeIndex = times.Count == 0 ? -1
            : times.OrderByDescending(x => HasName(x.p.Name, TimeNames)).ThenBy(x => x.p.Missing).First().i;
        var composed = timeIndex < 0 ? ComposedTime(profiles, rows, keyIndex, label, header) : null;
        if (composed is { } c)
        {
            var parts = string.Join(", ", c.Parts.Select(i => profiles[i].Name));
            notes.Add($"No single column holds the time, but it is split over {parts}: the proposal adds an event-time column '{c.Name}' composed from them (read as UTC; files do not carry it).");
            notes.Add($"{parts} stay in the schema as numeric features: they carry seasonality (hour of day, month of year).");
        }
        else if (timeIndex < 0)
        {
            notes.Add(HasCalendarParts(profiles)
                ? "The time is split over year / month / day columns whose values do not all make dates (or the label is one of them); they stay numeric features and arrival time will be used: each batch's arrival time is its time."
                : "No column holds dates or times, so arrival time will be used: each batch's arrival time is its time.");
        }

        var candidates = LabelCandidates(profiles, keyIndex, timeIndex, composed?.Parts ?? []);
        var labelIndex = label is null ? (candidates.Count > 0 ? profiles.FindIndex(p => p.Name == candidates[0]) : -1) : profiles.FindIndex(p => p.Name == label);
        if (label is not null && labelIndex < 0)
            throw new InputValidationException("label", $"'{label}' is not a column of the sample; its columns are {string.Join(", ", header)}.");
        if (labelIndex < 0)
            notes.Add("No column looks like a label; choose one before creating the product.");

        var task = TaskType.Regression;
        string? positive = null;
        IReadOnlyList<string> classes = [];
        if (labelIndex >= 0)
        {
            var p = profiles[labelIndex];
            (task, classes) = TaskOf(p);
            if (task == TaskType.BinaryClassification)
            {
                positive = positiveClass ?? ConventionalPositive(classes)
                    ?? p.Counts.OrderBy(c => c.Value).ThenByDescending(c => c.Key, StringComparer.Ordinal).First().Key;
                if (!classes.Contains(positive))
                    throw new InputValidationException("positiveClass", $"'{positive}' is not a value of the label '{p.Name}'; its values are {string.Join(", ", classes)}.");
                notes.Add($"The label '{p.Name}' has two values ({string.Join(", ", classes)}): binary classification with '{positive}' as the positive class.");
            }
            else if (task == TaskType.MulticlassClassification)
            {
                notes.Add($"The label '{p.Name}' has {classes.Count} values: multiclass classification with the classes {string.Join(", ", classes)} (A/B tests are not available for it yet).");
            }
            else
            {
                notes.Add($"The label '{p.Name}' is numeric with {p.DistinctText()} values: regression.");
            }
            if (p.Missing > 0)
                notes.Add($"{p.Missing:N0} of {rows.Count:N0} sample rows have no label: they are not used for training or performance.");
        }

        var columns = new List<InferredColumn>(profiles.Count);
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var role = i == keyIndex ? ColumnRole.RowKey : i == timeIndex ? ColumnRole.EventTime : i == labelIndex ? ColumnRole.Label : ColumnRole.Feature;
            var kind = role == ColumnRole.RowKey ? ColumnKind.Id : role == ColumnRole.Label && task != TaskType.Regression ? ColumnKind.Categorical : p.Kind;
            var isSegment = role == ColumnRole.Feature && kind == ColumnKind.Categorical && p.Distinct is >= 2 and <= MaxSegmentValues;
            // An integer feature named like a calendar cycle (hr, weekday, mnth, season…) is proposed as seasonal.
            var seasonal = role == ColumnRole.Feature && p is { Kind: ColumnKind.Numeric, AllIntegers: true } && kind == ColumnKind.Numeric && ColumnSpec.LooksSeasonal(p.Name);
            var spec = new ColumnSpec(p.Name, kind, role, Nullable: p.Missing > 0,
                AllowedValues: role == ColumnRole.Label && task != TaskType.Regression ? classes : null,
                IsSegment: isSegment, Format: kind == ColumnKind.Timestamp ? p.Format : null, Seasonal: seasonal);
            columns.Add(new InferredColumn(spec, p.Missing, p.MarkerCells, p.Distinct, p.Min, p.Max,
                kind == ColumnKind.Categorical ? p.Categories() : null, p.Examples, p.Note, i == labelIndex || candidates.Contains(p.Name)));
        }
        if (composed is { } time)
        {
            var spec = new ColumnSpec(time.Name, ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: time.Parts.Select(i => profiles[i].Name).ToList());
            columns.Insert(time.Parts.Max() + 1, new InferredColumn(spec, 0, new Dictionary<string, int>(), time.Distinct, null, null, null, time.Examples,
                $"composed from {string.Join(", ", spec.ComposedOf!)}", false));
        }
        foreach (var p in profiles.Where(p => p.Note is not null))
            notes.Add($"'{p.Name}': {p.Note}");
        if (columns.Where(c => c.Spec.Seasonal).Select(c => $"'{c.Spec.Name}'").ToList() is { Count: > 0 } seasonalNames)
            notes.Add($"{string.Join(", ", seasonalNames)} look{(seasonalNames.Count == 1 ? "s" : "")} like calendar cycles: proposed as seasonal, so their drift is shown apart and not counted in dataset drift (a batch of a few days holds one slice of each cycle).");

        var schema = new ProductSchema(columns.Select(c => c.Spec).ToList(), positive, markersSeen.Count > 0 ? markersSeen : null);
        if (!schema.Features.Any())
            notes.Add("No column is left as a feature; a model needs at least one.");
        return new SchemaProposal(task, schema, columns, candidates, classes, notes, rows.Count);
    }

    private static string? ConventionalPositive(IReadOnlyList<string> classes)
    {
        foreach (var (negative, positive) in PositivePairs)
        {
            var n = classes.FirstOrDefault(c => string.Equals(c, negative, StringComparison.OrdinalIgnoreCase));
            var p = classes.FirstOrDefault(c => string.Equals(c, positive, StringComparison.OrdinalIgnoreCase));
            if (n is not null && p is not null)
                return p;
        }
        return null;
    }

    private static (TaskType Task, IReadOnlyList<string> Classes) TaskOf(ColumnProfile p)
    {
        var values = p.Counts.Keys.OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (p.Distinct == 2)
            return (TaskType.BinaryClassification, values);
        // Numbers with more than two values are a quantity or a score (wine quality 3–9): regression, which the app can
        // train and score; only text labels with a few values are classes.
        if (p.Kind == ColumnKind.Numeric)
            return (TaskType.Regression, []);
        if (p.Distinct is > 2 and <= MaxClasses)
            return (TaskType.MulticlassClassification, values);
        return (TaskType.Regression, []);
    }

    /// <summary>Columns that could be the label, best first: a label-like name, then the last usable column.</summary>
    private static List<string> LabelCandidates(List<ColumnProfile> profiles, int keyIndex, int timeIndex, IReadOnlyList<int> timeParts)
    {
        var usable = profiles.Select((p, i) => (p, i))
            .Where(x => x.i != keyIndex && x.i != timeIndex && !timeParts.Contains(x.i) && x.p.Distinct >= 2
                && (x.p.Kind == ColumnKind.Numeric || (x.p.Kind == ColumnKind.Categorical && x.p.Distinct <= MaxClasses)))
            .ToList();
        return usable.OrderByDescending(x => HasName(x.p.Name, LabelNames)).ThenByDescending(x => x.i).Select(x => x.p.Name).ToList();
    }

    /// <summary>A time split over year, month, day (and hour) columns: complete whole numbers in plausible ranges, named
    /// as <see cref="PartNames"/> lists, that make a valid date in every sample row; null when there is none (or the
    /// chosen label is one of them).</summary>
    private static ComposedProposal? ComposedTime(List<ColumnProfile> profiles, IReadOnlyList<string[]> rows, int keyIndex, string? label,
        IReadOnlyList<string> header)
    {
        var parts = new List<int>();
        for (var part = 0; part < PartNames.Length; part++)
        {
            var (min, max) = PartRanges[part];
            var index = profiles.FindIndex(p => PartNames[part].Contains(p.Name, StringComparer.OrdinalIgnoreCase)
                && p is { Kind: ColumnKind.Numeric, AllIntegers: true, Missing: 0, Count: > 0 } && p.Min >= min && p.Max <= max);
            if (index < 0 || index == keyIndex || profiles[index].Name == label)
                break;
            parts.Add(index);
        }
        if (parts.Count < ColumnSpec.MinComposedParts)
            return null;
        var times = new HashSet<DateTime>();
        var examples = new List<string>();
        foreach (var row in rows)
        {
            Span<int> v = [0, 0, 0, 0];
            for (var i = 0; i < parts.Count; i++)
                v[i] = (int)double.Parse(row[parts[i]], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (v[2] > DateTime.DaysInMonth(v[0], v[1]))
                return null;
            var at = new DateTime(v[0], v[1], v[2], v[3], 0, 0, DateTimeKind.Utc);
            if (times.Add(at) && examples.Count < ExampleCount)
                examples.Add(at.ToString(parts.Count > 3 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var name = ComposedTimeName;
        for (var n = 2; header.Contains(name, StringComparer.OrdinalIgnoreCase); n++)
            name = $"{ComposedTimeName}_{n}";
        return new ComposedProposal(name, parts, times.Count, examples);
    }

    private sealed record ComposedProposal(string Name, IReadOnlyList<int> Parts, int Distinct, IReadOnlyList<string> Examples);

    private static bool HasCalendarParts(List<ColumnProfile> profiles) =>
        new[] { "year", "month", "day" }.All(part => profiles.Any(p => p.Kind == ColumnKind.Numeric && string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether <paramref name="name"/> is one of <paramref name="words"/>, or ends with one after a separator
    /// (order_id, event_date).</summary>
    private static bool HasName(string name, string[] words)
    {
        var lower = name.ToLowerInvariant();
        return words.Any(w => lower == w || lower.EndsWith("_" + w, StringComparison.Ordinal) || lower.EndsWith(" " + w, StringComparison.Ordinal)
            || lower.StartsWith(w + "_", StringComparison.Ordinal));
    }

    /// <summary>What the sample says about one column.</summary>
    private sealed class ColumnProfile
    {
        public required string Name { get; init; }
        public ColumnKind Kind { get; private set; }
        public string? Format { get; private set; }
        public int Count { get; private set; }
        public int Missing { get; private set; }
        public Dictionary<string, int> MarkerCells { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
        public int Distinct => Counts.Count;
        public bool IsUnique => Count > 0 && Distinct == Count;
        public bool AllIntegers { get; private set; }
        public double? Min { get; private set; }
        public double? Max { get; private set; }
        public List<string> Examples { get; } = [];
        public string? Note { get; private set; }

        /// <summary>Unique, complete and either an integer or an identifier: could key rows.</summary>
        public bool IsKeyLike => IsUnique && Missing == 0 && (Kind == ColumnKind.Id || (Kind == ColumnKind.Numeric && AllIntegers));

        public string DistinctText() => Distinct.ToString("N0", CultureInfo.InvariantCulture);

        public IReadOnlyList<string> Categories() => Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();

        public static ColumnProfile Of(string name, IEnumerable<string> cells, IReadOnlyList<string> markers)
        {
            var profile = new ColumnProfile { Name = name };
            foreach (var cell in cells)
            {
                if (cell.Length == 0)
                {
                    profile.Missing++;
                    profile.MarkerCells[""] = profile.MarkerCells.GetValueOrDefault("") + 1;
                    continue;
                }
                if (markers.FirstOrDefault(m => string.Equals(m, cell, StringComparison.OrdinalIgnoreCase)) is { } marker)
                {
                    profile.Missing++;
                    profile.MarkerCells[marker] = profile.MarkerCells.GetValueOrDefault(marker) + 1;
                    continue;
                }
                profile.Count++;
                profile.Counts[cell] = profile.Counts.GetValueOrDefault(cell) + 1;
                if (profile.Examples.Count < ExampleCount && !profile.Examples.Contains(cell))
                    profile.Examples.Add(cell);
            }
            profile.Classify();
            return profile;
        }

        private void Classify()
        {
            if (Count == 0)
            {
                Kind = ColumnKind.Text;
                Note = "every sample value is missing; it is read as text";
                return;
            }
            if (TryNumeric())
                return;
            if (TryTimestamp())
                return;
            var averageLength = Counts.Sum(c => (double)c.Key.Length * c.Value) / Count;
            if (Distinct <= MaxCategories && (Distinct * 2 <= Count || Distinct <= 3))
                Kind = ColumnKind.Categorical;
            else if (IsUnique && averageLength <= 64 && !Counts.Keys.Any(k => k.Contains(' ')))
                Kind = ColumnKind.Id;
            else
                Kind = averageLength > 30 || Counts.Keys.Any(k => k.Contains(' ')) ? ColumnKind.Text : ColumnKind.Categorical;
            if (Kind == ColumnKind.Categorical && Distinct > MaxCategories)
                Note = $"{DistinctText()} distinct values in the sample: a high-cardinality category";
        }

        private bool TryNumeric()
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            var integers = true;
            foreach (var value in Counts.Keys)
            {
                // As the batch reader: '.' decimals, no thousands separator, finite.
                if (value.Contains(',') || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    return false;
                min = Math.Min(min, number);
                max = Math.Max(max, number);
                integers &= number == Math.Floor(number) && !value.Contains('.') && !value.Contains('e', StringComparison.OrdinalIgnoreCase);
            }
            Kind = ColumnKind.Numeric;
            AllIntegers = integers;
            Min = min;
            Max = max;
            return true;
        }

        private bool TryTimestamp()
        {
            if (Counts.Keys.All(v => TimestampFormat.TryParseIso(v, out _)))
            {
                Kind = ColumnKind.Timestamp;
                return true;
            }
            var fitting = DateFormats.Where(f => Counts.Keys.All(v => TimestampFormat.TryParseExact(v, f, out _))).ToList();
            if (fitting.Count == 0)
                return false;
            Kind = ColumnKind.Timestamp;
            Format = fitting[0];
            if (fitting.Count > 1 && fitting[0].StartsWith("dd", StringComparison.Ordinal) && fitting.Any(f => f.StartsWith("MM", StringComparison.Ordinal)))
                Note = $"every date reads both day-first ({fitting[0]}) and month-first; day-first was chosen: check the format";
            return true;
        }
    }
}

/// <summary>One column as inferred: the proposed spec and what the sample showed.</summary>
/// <param name="MarkerCells">Cells per missing-value marker ("" for empty cells).</param>
/// <param name="Categories">Categorical columns: the values seen, most frequent first (an option for allowed values).</param>
/// <param name="Examples">Up to five distinct values, in the order they appear.</param>
/// <param name="IsLabelCandidate">Whether the column could be the label.</param>
public sealed record InferredColumn(ColumnSpec Spec, int Missing, IReadOnlyDictionary<string, int> MarkerCells, int Distinct, double? Min, double? Max,
    IReadOnlyList<string>? Categories, IReadOnlyList<string> Examples, string? Note, bool IsLabelCandidate);

/// <summary>The proposed task and schema, with what the sample showed per column and notes to read before creating.</summary>
public sealed record SchemaProposal(TaskType Task, ProductSchema Schema, IReadOnlyList<InferredColumn> Columns, IReadOnlyList<string> LabelCandidates,
    IReadOnlyList<string> Classes, IReadOnlyList<string> Notes, int SampleRows);
