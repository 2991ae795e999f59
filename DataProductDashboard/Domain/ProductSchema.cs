namespace DataProductDashboard.Domain;

/// <summary>The columns of a data product and what they mean.</summary>
/// <param name="MissingMarkers">Cell values that mean "missing" in every column without markers of its own (e.g. "NA",
/// "?"), compared ignoring case; null or empty: only an empty cell is missing.</param>
/// <param name="NegativeClass">Binary classification: the name of the class that is not <paramref name="PositiveClass"/>,
/// for a label without allowed values (with them, the other allowed value is the name). Filled in from the labels when a
/// model is trained in the app; display only (stored labels are 0/1). See <see cref="ClassNames"/>.</param>
/// <param name="LabelUnit">Regression: what the label counts or measures ("rentals", "EUR"), written after error
/// values in gate sentences and alerts ("MAE 31.2 rentals > threshold 25 rentals"); null: no unit.</param>
public sealed record ProductSchema(IReadOnlyList<ColumnSpec> Columns, string? PositiveClass = null, IReadOnlyList<string>? MissingMarkers = null,
    string? NegativeClass = null, string? LabelUnit = null)
{
    /// <summary>Longest label unit accepted.</summary>
    public const int MaxLabelUnitLength = 40;

    /// <summary>Longest class name accepted for <see cref="NegativeClass"/>.</summary>
    public const int MaxClassNameLength = 200;

    /// <summary>Longest missing-value marker accepted.</summary>
    public const int MaxMarkerLength = 32;

    /// <summary>The markers that mean "missing" in <paramref name="column"/>: its own, else the product's.</summary>
    public IReadOnlyList<string> MarkersFor(ColumnSpec column) => column.MissingMarkers ?? MissingMarkers ?? [];

    public IEnumerable<ColumnSpec> Features => Columns.Where(c => c.IsFeature);

    /// <summary>Names of the seasonal features (<see cref="ColumnSpec.Seasonal"/>): drift shown apart, not counted in dataset drift.</summary>
    public IReadOnlySet<string> SeasonalFeatureNames() => Features.Where(c => c.Seasonal).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    public ColumnSpec? Label => Columns.FirstOrDefault(c => c.Role == ColumnRole.Label);

    public ColumnSpec? RowKey => Columns.FirstOrDefault(c => c.Role == ColumnRole.RowKey);

    public ColumnSpec? EventTime => Columns.FirstOrDefault(c => c.Role == ColumnRole.EventTime);

    public ColumnSpec? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Columns a production batch holds: everything but the label (labels arrive later). A column added by a
    /// later schema version may be absent from a batch's header (<see cref="ColumnSpec.RequiredInHeader"/>).</summary>
    public IEnumerable<ColumnSpec> RequiredInBatch => Columns.Where(c => c.Role != ColumnRole.Label);

    /// <summary>The columns a file can carry: all but composed ones (<see cref="ColumnSpec.ComposedOf"/>), which are
    /// computed from their parts.</summary>
    public IEnumerable<ColumnSpec> FileColumns => Columns.Where(c => !c.IsComposed);

    /// <summary>Checks the schema itself; returns problems keyed by field.</summary>
    public Dictionary<string, string[]> Validate(TaskType task)
    {
        var errors = new Dictionary<string, string[]>();
        if (Columns is null || Columns.Count == 0)
        {
            errors["schema.columns"] = ["A schema needs at least one column."];
            return errors;
        }
        if (Columns.Any(c => c is null))
        {
            errors["schema.columns"] = ["A column is null; each column is an object with a name and a kind."];
            return errors;
        }
        foreach (var dup in Columns.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors[$"schema.columns['{dup.Key}']"] = [$"Column '{dup.Key}' is declared {dup.Count()} times."];
        foreach (var blank in Columns.Where(c => string.IsNullOrWhiteSpace(c.Name)))
            errors["schema.columns"] = ["A column has an empty name."];
        if (!Features.Any())
            errors["schema.features"] = ["At least one column must have the role Feature."];
        if (Columns.Count(c => c.Role == ColumnRole.Label) > 1)
            errors["schema.label"] = ["Only one column can have the role Label."];
        if (Columns.Count(c => c.Role == ColumnRole.RowKey) > 1)
            errors["schema.rowKey"] = ["Only one column can have the role RowKey."];
        if (Columns.Count(c => c.Role == ColumnRole.EventTime) > 1)
            errors["schema.eventTime"] = [$"Only one column can have the role EventTime; {string.Join(", ", Columns.Where(c => c.Role == ColumnRole.EventTime).Select(c => $"'{c.Name}'"))} have it."];
        if (Label is { } label && task == TaskType.Regression && label.Kind != ColumnKind.Numeric)
            errors[$"schema.columns['{label.Name}']"] = ["A regression label must be Numeric."];
        if (Label is { } classes && task == TaskType.MulticlassClassification
            && (classes.Kind != ColumnKind.Categorical || classes.AllowedValues is not { Count: >= 3 }))
            errors[$"schema.columns['{classes.Name}']"] = ["A multiclass label must be Categorical and list its classes in allowedValues (at least 3)."];
        if (task == TaskType.BinaryClassification && string.IsNullOrWhiteSpace(PositiveClass))
            errors["schema.positiveClass"] = ["Binary classification needs the positive class value of the label."];
        CheckNegativeClass(errors, task);
        if (LabelUnit is not null && (LabelUnit.Trim().Length == 0 || LabelUnit != LabelUnit.Trim() || LabelUnit.Length > MaxLabelUnitLength))
            errors["schema.labelUnit"] = [$"The label unit must be a word or two without spaces around it, at most {MaxLabelUnitLength} characters (e.g. \"rentals\"); leave it out for none."];
        foreach (var c in Columns.Where(c => c.Min is { } min && c.Max is { } max && min > max))
            errors[$"schema.columns['{c.Name}']"] = [$"Minimum {c.Min} is greater than maximum {c.Max}."];
        foreach (var c in Columns.Where(c => c.Min is { } min && !double.IsFinite(min) || c.Max is { } max && !double.IsFinite(max)))
            errors[$"schema.columns['{c.Name}']"] = ["Minimum and maximum must be finite numbers."];
        CheckMarkers(errors, "schema.missingMarkers", MissingMarkers, null);
        foreach (var c in Columns)
            CheckMarkers(errors, $"schema.columns['{c.Name}'].missingMarkers", c.MissingMarkers, c);
        foreach (var c in Columns.Where(c => c.IsComposed))
        {
            if (CheckComposed(c) is { Count: > 0 } problems)
                errors[$"schema.columns['{c.Name}'].composedOf"] = [.. problems];
        }
        foreach (var c in Columns.Where(c => c.Seasonal && !c.IsFeature))
            errors[$"schema.columns['{c.Name}'].seasonal"] = [$"Only feature columns can be seasonal (their drift is shown apart); '{c.Name}' is {c.Role}."];
        foreach (var c in Columns.Where(c => c.Format is not null))
        {
            if (c.IsComposed)
                errors[$"schema.columns['{c.Name}'].format"] = [$"'{c.Name}' is composed from {string.Join(", ", c.ComposedOf!)}, not read from files, so it takes no format."];
            else if (c.Kind != ColumnKind.Timestamp)
                errors[$"schema.columns['{c.Name}'].format"] = [$"Only Timestamp columns take a format; '{c.Name}' is {c.Kind}."];
            else if (TimestampFormat.Check(c.Format!) is { } problem)
                errors[$"schema.columns['{c.Name}'].format"] = [problem];
        }
        return errors;
    }

    /// <summary>The problems of a composed event time: its role and kind, the number of its parts, and each part (an
    /// existing Numeric column, or a Categorical one whose declared values are whole numbers, that files carry).</summary>
    private List<string> CheckComposed(ColumnSpec column)
    {
        var problems = new List<string>();
        var parts = column.ComposedOf!;
        var order = string.Join(", ", ColumnSpec.ComposedPartNames.Take(ColumnSpec.MinComposedParts)) + "[, hour[, minute]]";
        if (column.Role != ColumnRole.EventTime)
            problems.Add($"'{column.Name}' is composed from other columns, so its role must be EventTime, not {column.Role}.");
        if (column.Kind != ColumnKind.Timestamp)
            problems.Add($"'{column.Name}' is composed from other columns, so its kind must be Timestamp, not {column.Kind}.");
        if (parts.Count < ColumnSpec.MinComposedParts || parts.Count > ColumnSpec.ComposedPartNames.Count)
            problems.Add($"A composed time takes {ColumnSpec.MinComposedParts} to {ColumnSpec.ComposedPartNames.Count} part columns in the order {order}; '{column.Name}' names {parts.Count}.");
        foreach (var dup in parts.Where(p => p is not null).GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"'{dup.Key}' is named {dup.Count()} times; each part ({order}) is a different column.");
        for (var i = 0; i < parts.Count; i++)
        {
            var name = parts[i];
            var what = i < ColumnSpec.ComposedPartNames.Count ? $"the {ColumnSpec.ComposedPartNames[i]} part" : $"part {i + 1}";
            if (string.IsNullOrWhiteSpace(name))
                problems.Add($"{char.ToUpperInvariant(what[0])}{what[1..]} has no column name.");
            else if (name == column.Name)
                problems.Add($"'{column.Name}' cannot be composed from itself.");
            else if (Find(name) is not { } part)
                problems.Add($"'{name}' ({what}) is not a column of the schema.");
            else if (part.IsComposed)
                problems.Add($"'{name}' ({what}) is itself composed; parts are columns read from the files.");
            else if (part.Role == ColumnRole.Label)
                problems.Add($"'{name}' ({what}) is the label, which batches do not carry; parts are columns every batch holds.");
            else if (part.Kind == ColumnKind.Categorical && part.AllowedValues?.FirstOrDefault(v => !IsWholeNumber(v)) is { } notNumber)
                problems.Add($"'{name}' ({what}) is Categorical with the value '{notNumber}', which is not a whole number.");
            else if (part.Kind is not (ColumnKind.Numeric or ColumnKind.Categorical))
                problems.Add($"'{name}' ({what}) is {part.Kind}; a part must be Numeric (or Categorical holding whole numbers).");
        }
        return problems;
    }

    private static bool IsWholeNumber(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number) && number == Math.Floor(number);

    private void CheckNegativeClass(Dictionary<string, string[]> errors, TaskType task)
    {
        if (NegativeClass is null)
            return;
        const string field = "schema.negativeClass";
        if (task != TaskType.BinaryClassification)
            errors[field] = ["Only binary classification has a negative class; leave it out."];
        else if (NegativeClass.Trim().Length == 0 || NegativeClass != NegativeClass.Trim())
            errors[field] = ["The negative class must be a name without spaces around it."];
        else if (NegativeClass.Length > MaxClassNameLength)
            errors[field] = [$"The negative class is longer than {MaxClassNameLength} characters."];
        else if (string.Equals(NegativeClass, PositiveClass, StringComparison.Ordinal))
            errors[field] = [$"The negative class cannot be the positive class '{PositiveClass}'."];
        else if (Label?.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(NegativeClass, StringComparer.Ordinal))
            errors[field] = [$"'{NegativeClass}' is not an allowed value of the label '{Label.Name}' ({string.Join(", ", allowed)})."];
    }

    private void CheckMarkers(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? markers, ColumnSpec? column)
    {
        if (markers is null)
            return;
        foreach (var marker in markers)
        {
            if (marker is null || marker.Trim().Length == 0)
                errors[field] = ["A missing-value marker is empty; an empty cell is always missing, so leave it out."];
            else if (marker.Length > MaxMarkerLength)
                errors[field] = [$"The missing-value marker '{marker[..MaxMarkerLength]}…' is longer than {MaxMarkerLength} characters."];
            else if (marker != marker.Trim())
                errors[field] = [$"The missing-value marker '{marker}' has spaces around it; cells are read without them, so write '{marker.Trim()}'."];
        }
        if (errors.ContainsKey(field))
            return;
        foreach (var dup in markers.GroupBy(m => m, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors[field] = [$"The missing-value marker '{dup.Key}' is listed {dup.Count()} times (markers compare ignoring case)."];
        // A marker that is also a declared category would make that category unreadable.
        foreach (var c in column is null ? Columns : [column])
        {
            if (c.AllowedValues is not { } allowed || (column is null && c.MissingMarkers is not null))
                continue;
            if (allowed.FirstOrDefault(v => markers.Contains(v, StringComparer.OrdinalIgnoreCase)) is { } clash)
                errors[field] = [$"'{clash}' is both a missing-value marker and a declared category of '{c.Name}'; remove it from one of them."];
        }
        if (PositiveClass is { } positive && markers.Contains(positive, StringComparer.OrdinalIgnoreCase) && (column is null ? Label?.MissingMarkers is null : column.Role == ColumnRole.Label))
            errors[field] = [$"'{positive}' is the positive class and cannot also mark a missing value."];
    }
}
