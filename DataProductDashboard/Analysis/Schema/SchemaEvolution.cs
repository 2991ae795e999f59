using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Schema;

/// <summary>What a proposed schema changes against the current one, and whether history survives it. Accepted: a new
/// nullable column (a feature, segment or KPI source), a column made nullable, wider allowed values or range (or none),
/// a segment flag, missing-value markers. Refused, with the reason: anything that would make a stored batch, a trained
/// model or a label mean something else — a removed, renamed or retyped column, a changed role or format, a narrower
/// rule, a new required column, another positive class. The negative class's name is display only (labels are stored as
/// 0/1): naming or renaming it is accepted, and a proposal that leaves it out keeps the current name (it may have been
/// filled in from training labels, which the proposer need not know).</summary>
public static class SchemaEvolution
{
    /// <param name="Changes">Each accepted change in a sentence (empty: nothing changes).</param>
    /// <param name="Errors">Each breaking change keyed by field, with the reason (empty: the change is accepted).</param>
    /// <param name="Schema">The schema to store: the proposal with <see cref="ColumnSpec.AddedInVersion"/> set on new
    /// columns (and kept on earlier additions).</param>
    public sealed record Result(IReadOnlyList<string> Changes, Dictionary<string, string[]> Errors, ProductSchema Schema);

    public static Result Compare(ProductSchema current, ProductSchema proposed, TaskType task, int nextVersion)
    {
        if (proposed.NegativeClass is null && current.NegativeClass is not null)
            proposed = proposed with { NegativeClass = current.NegativeClass };
        var errors = proposed.Validate(task);
        var changes = new List<string>();
        if (errors.Count > 0)
            return new Result(changes, errors, proposed);

        foreach (var old in current.Columns)
        {
            if (proposed.Find(old.Name) is not { } now)
                Refuse(errors, old.Name, $"Column '{old.Name}' would be removed; stored batches and trained models use it. Keep it (make it nullable if it stops arriving).");
            else
                CompareColumn(old, now, errors, changes);
        }
        var columns = new List<ColumnSpec>();
        foreach (var column in proposed.Columns)
        {
            if (current.Find(column.Name) is { } old)
            {
                columns.Add(column with { AddedInVersion = old.AddedInVersion });
                continue;
            }
            if (column.Role is ColumnRole.Label or ColumnRole.RowKey or ColumnRole.EventTime)
                Refuse(errors, column.Name, $"New column '{column.Name}' has the role {column.Role}; a product's {column.Role} is fixed at creation (stored rows are keyed and timed by the old one).");
            else if (!column.Nullable)
                Refuse(errors, column.Name, $"New column '{column.Name}' must be nullable: batches sent before it existed have no value for it.");
            else
                changes.Add($"Column '{column.Name}' ({column.Kind}, {column.Role}) added; files without it read it as missing.");
            columns.Add(column with { AddedInVersion = nextVersion });
        }
        if (!string.Equals(current.PositiveClass, proposed.PositiveClass, StringComparison.Ordinal))
            errors["schema.positiveClass"] = [$"The positive class would change from '{current.PositiveClass}' to '{proposed.PositiveClass}'; stored labels and trained models mean the old one."];
        if (!string.Equals(current.NegativeClass, proposed.NegativeClass, StringComparison.Ordinal))
            changes.Add(current.NegativeClass is null
                ? $"The negative class is named '{proposed.NegativeClass}'."
                : $"The negative class is renamed from '{current.NegativeClass}' to '{proposed.NegativeClass}' (a name only: stored labels keep their meaning).");
        if (!SameSet(current.MissingMarkers ?? [], proposed.MissingMarkers ?? []))
            changes.Add($"Missing-value markers: {Markers(current.MissingMarkers ?? [])} → {Markers(proposed.MissingMarkers ?? [])} (for batches from now on).");
        return new Result(changes, errors, proposed with { Columns = columns });
    }

    private static void CompareColumn(ColumnSpec old, ColumnSpec now, Dictionary<string, string[]> errors, List<string> changes)
    {
        var name = old.Name;
        if (old.Kind != now.Kind)
            Refuse(errors, name, $"Column '{name}' would change kind from {old.Kind} to {now.Kind}; stored values and trained models read it as {old.Kind}. Add a new column instead.");
        if (old.Role != now.Role)
            Refuse(errors, name, $"Column '{name}' would change role from {old.Role} to {now.Role}; trained models and stored rows use it as {old.Role}.");
        if (old.Nullable && !now.Nullable)
            Refuse(errors, name, $"Column '{name}' would stop accepting missing values; stored batches may have them.");
        else if (!old.Nullable && now.Nullable)
            changes.Add($"Column '{name}' accepts missing values.");
        if (!string.Equals(old.Format, now.Format, StringComparison.Ordinal))
            Refuse(errors, name, $"Column '{name}' would change its timestamp format from '{old.Format ?? "ISO 8601"}' to '{now.Format ?? "ISO 8601"}'; files in the old format would be refused.");
        if (!(old.ComposedOf ?? []).SequenceEqual(now.ComposedOf ?? [], StringComparer.Ordinal) || old.IsComposed != now.IsComposed)
            Refuse(errors, name, $"Column '{name}' would change how it is made ({Made(old)} → {Made(now)}); stored batches were timed the old way.");
        CompareAllowed(old, now, errors, changes);
        CompareRange(old, now, errors, changes);
        if (old.IsSegment != now.IsSegment)
            changes.Add(now.IsSegment ? $"Column '{name}' slices the population (segment)." : $"Column '{name}' no longer slices the population.");
        if (old.Seasonal != now.Seasonal)
            changes.Add(now.Seasonal ? $"Column '{name}' is seasonal: its drift is shown apart, not counted in dataset drift." : $"Column '{name}' is no longer seasonal: its drift counts in dataset drift.");
        if (!SameSet(old.MissingMarkers, now.MissingMarkers))
            changes.Add($"Missing-value markers of '{name}': {Markers(old.MissingMarkers)} → {Markers(now.MissingMarkers)} (for batches from now on).");
    }

    private static void CompareAllowed(ColumnSpec old, ColumnSpec now, Dictionary<string, string[]> errors, List<string> changes)
    {
        if (old.AllowedValues is not { } before)
        {
            if (now.AllowedValues is not null)
                Refuse(errors, old.Name, $"Column '{old.Name}' accepts any value now; a list of allowed values would refuse values stored batches already hold.");
            return;
        }
        if (now.AllowedValues is not { } after)
        {
            changes.Add($"Column '{old.Name}' accepts any value.");
            return;
        }
        var dropped = before.Except(after, StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            Refuse(errors, old.Name, $"Column '{old.Name}' would no longer allow {string.Join(", ", dropped.Select(v => $"'{v}'"))}; stored batches may hold it. Allowed values can only be added.");
            return;
        }
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
            changes.Add($"Column '{old.Name}' also allows {string.Join(", ", added.Select(v => $"'{v}'"))}.");
    }

    private static void CompareRange(ColumnSpec old, ColumnSpec now, Dictionary<string, string[]> errors, List<string> changes)
    {
        if (old.Min is { } oldMin && (now.Min is { } newMin ? newMin > oldMin : false) || old.Min is null && now.Min is not null)
            Refuse(errors, old.Name, $"Column '{old.Name}' would get a higher minimum ({now.Min} instead of {(old.Min is null ? "none" : old.Min)}); stored values may be below it. A range can only widen.");
        else if (old.Min != now.Min)
            changes.Add($"Column '{old.Name}': minimum {old.Min} → {(now.Min is null ? "none" : now.Min)}.");
        if (old.Max is { } oldMax && (now.Max is { } newMax ? newMax < oldMax : false) || old.Max is null && now.Max is not null)
            Refuse(errors, old.Name, $"Column '{old.Name}' would get a lower maximum ({now.Max} instead of {(old.Max is null ? "none" : old.Max)}); stored values may be above it. A range can only widen.");
        else if (old.Max != now.Max)
            changes.Add($"Column '{old.Name}': maximum {old.Max} → {(now.Max is null ? "none" : now.Max)}.");
    }

    private static string Made(ColumnSpec column) => column.ComposedOf is { } parts ? $"composed from {string.Join(", ", parts)}" : "read from files";

    private static void Refuse(Dictionary<string, string[]> errors, string column, string reason)
    {
        var key = $"schema.columns['{column}']";
        errors[key] = errors.TryGetValue(key, out var earlier) ? [.. earlier, reason] : [reason];
    }

    private static bool SameSet(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b ?? []) && (a is null) == (b is null);

    private static string Markers(IReadOnlyList<string>? markers) =>
        markers is null ? "the product's" : markers.Count == 0 ? "none" : string.Join(", ", markers.Select(m => $"'{m}'"));
}
