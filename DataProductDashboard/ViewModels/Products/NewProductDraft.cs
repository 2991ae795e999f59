using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;

namespace DataProductDashboard.ViewModels.Products;

/// <summary>The new-product wizard's editable proposal: what the sample suggested (<see cref="InferredProduct"/>), as
/// the user adjusts it — name, task, positive class, markers, and per column its kind, role, nullable, segment and
/// whether its sample values become its allowed values — and the request it makes.</summary>
public sealed class NewProductDraft
{
    /// <summary>Roles only one column may hold; choosing one for a column gives the previous holder the role Feature.</summary>
    private static readonly ColumnRole[] SingleRoles = [ColumnRole.Label, ColumnRole.RowKey, ColumnRole.EventTime];

    public NewProductDraft(InferredProduct inferred)
    {
        Inference = inferred.Inference;
        Name = inferred.Name;
        Description = inferred.Description;
        Owner = inferred.Owner;
        Task = inferred.Task;
        PositiveClass = inferred.Schema.PositiveClass;
        LabelUnit = inferred.Schema.LabelUnit;
        Markers = string.Join(", ", inferred.Schema.MissingMarkers ?? []);
        DefaultGates = inferred.DefaultGates;
        _columns = inferred.Schema.Columns.Select(spec => new DraftColumn(spec,
            inferred.Inference.Columns.First(c => c.Name == spec.Name))).ToList();
    }

    private readonly List<DraftColumn> _columns;

    public InferenceDetails Inference { get; }
    public string Name { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public TaskType Task { get; set; }
    public string? PositiveClass { get; set; }
    /// <summary>Regression: what the label counts or measures ("rentals"), written after errors and thresholds.</summary>
    public string? LabelUnit { get; set; }
    /// <summary>The product's missing-value markers, comma-separated.</summary>
    public string Markers { get; set; }
    public bool DefaultGates { get; set; }
    /// <summary>The proposed columns: those of the sample, and a composed event time when one was proposed.</summary>
    public IReadOnlyList<DraftColumn> Columns => _columns;

    /// <summary>The sample's columns, in the order of its header (and of <see cref="InferenceDetails.Preview"/>'s cells).</summary>
    public IEnumerable<DraftColumn> SampleColumns => _columns.Where(c => !c.IsComposed);

    public string? Label => Columns.FirstOrDefault(c => c.Role == ColumnRole.Label)?.Name;

    /// <summary>The column that times the rows, or null: then each batch's arrival time is used.</summary>
    public DraftColumn? EventTime => Columns.FirstOrDefault(c => c.Role == ColumnRole.EventTime);

    /// <summary>The label's classes as the sample showed them (binary and multiclass tasks).</summary>
    public IReadOnlyList<string> Classes => Inference.Classes;

    public IReadOnlyList<string> MarkerList => Markers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Gives <paramref name="column"/> <paramref name="role"/>; a role only one column may hold moves.</summary>
    public void SetRole(DraftColumn column, ColumnRole role)
    {
        if (column.IsComposed)
            return; // a composed time is the event time or nothing: remove it instead
        if (SingleRoles.Contains(role))
        {
            // A composed event time gives way to the column chosen instead (it has no other role to fall back to).
            _columns.RemoveAll(c => c.IsComposed && c.Role == role);
            foreach (var other in Columns.Where(c => c != column && c.Role == role))
                other.Role = ColumnRole.Feature;
        }
        column.Role = role;
        if (role == ColumnRole.RowKey)
            column.Kind = ColumnKind.Id;
    }

    /// <summary>Removes a composed event time (the product then has no event time, unless another column gets the
    /// role); the sample's own columns stay, since every file carries them.</summary>
    public void Remove(DraftColumn column)
    {
        if (column.IsComposed)
            _columns.Remove(column);
    }

    public CreateProductRequest ToRequest()
    {
        var classification = Task != TaskType.Regression;
        var columns = Columns.Select(c => c.IsComposed
            ? new ColumnSpec(c.Name, ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: c.ComposedOf)
            : new ColumnSpec(c.Name, c.Kind, c.Role, c.Nullable,
                AllowedValues: c.Role == ColumnRole.Label && classification ? Classes
                    : c.LimitToSampleValues && c.Kind == ColumnKind.Categorical ? c.Details.Categories : null,
                IsSegment: c.IsSegment && c.Role == ColumnRole.Feature,
                Format: c.Kind == ColumnKind.Timestamp ? c.Format : null,
                Seasonal: c.Seasonal && c.Role == ColumnRole.Feature)).ToList();
        var markers = MarkerList;
        return new CreateProductRequest(Name, Description, Owner, Task,
            new ProductSchema(columns, Task == TaskType.BinaryClassification ? PositiveClass : null, markers.Count > 0 ? markers : null,
                LabelUnit: Task == TaskType.Regression && !string.IsNullOrWhiteSpace(LabelUnit) ? LabelUnit.Trim() : null), DefaultGates);
    }
}

/// <summary>One column of the draft.</summary>
public sealed class DraftColumn(ColumnSpec spec, ColumnDetails details)
{
    public string Name { get; } = spec.Name;
    public ColumnKind Kind { get; set; } = spec.Kind;
    public ColumnRole Role { get; set; } = spec.Role;
    public bool Nullable { get; set; } = spec.Nullable;
    public bool IsSegment { get; set; } = spec.IsSegment;
    /// <summary>A calendar cycle (hour, weekday, month): drift shown apart, not counted in dataset drift.</summary>
    public bool Seasonal { get; set; } = spec.Seasonal;
    public string? Format { get; } = spec.Format;
    /// <summary>The part columns of a composed event time (year, month, day[, hour]); null for a column of the sample.</summary>
    public IReadOnlyList<string>? ComposedOf { get; } = spec.ComposedOf;
    public bool IsComposed => ComposedOf is not null;
    /// <summary>Whether the categories seen in the sample become the column's allowed values (off by default: a sample
    /// rarely holds every later value).</summary>
    public bool LimitToSampleValues { get; set; }
    public ColumnDetails Details { get; } = details;

    /// <summary>"12 (? 10, empty 2)", or "none".</summary>
    public string MissingText => Details.Missing == 0 ? "none"
        : $"{Details.Missing.ToString("N0", CultureInfo.InvariantCulture)} ({string.Join(", ", Details.MissingByMarker.OrderByDescending(m => m.Value)
            .Select(m => $"{(m.Key.Length == 0 ? "empty" : m.Key)} {m.Value.ToString("N0", CultureInfo.InvariantCulture)}"))})";

    /// <summary>"from year, month, day, hour" for a composed time.</summary>
    public string? ComposedText => ComposedOf is { } parts ? $"from {string.Join(", ", parts)}" : null;

    /// <summary>The range of a numeric column, else examples.</summary>
    public string ShapeText => Details.Min is { } min && Details.Max is { } max
        ? $"{min.ToString("G6", CultureInfo.InvariantCulture)} … {max.ToString("G6", CultureInfo.InvariantCulture)}"
        : string.Join(", ", Details.Examples.Take(4)) + (Details.Distinct > 4 ? ", …" : "");
}
