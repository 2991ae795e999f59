using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Proposes the next schema version from the current one — a new nullable column, more allowed values,
/// columns that accept missing values, categorical features measured per value (segments), seasonal features — through <see cref="ProductSchemaService"/>; a refused change stays in the
/// dialog with the reason per column. Closes with the new <see cref="SchemaVersionView"/>.</summary>
public sealed partial class SchemaChangeDialog : FormDialogBase
{
    private static readonly ColumnRole[] AddableRoles = [ColumnRole.Feature, ColumnRole.Segment, ColumnRole.KpiSource];
    private readonly Dictionary<string, string?> _added = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nullable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _segments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seasonal = new(StringComparer.Ordinal);
    private List<ColumnSpec> _sliceable = [];
    private List<ColumnSpec> _features = [];
    private List<ColumnSpec> _widenable = [];
    private List<ColumnSpec> _required = [];
    private string? _newName;
    private ColumnKind _newKind = ColumnKind.Numeric;
    private ColumnRole _newRole = ColumnRole.Feature;

    [Parameter, EditorRequired] public required ProductDetail Product { get; set; }
    [Inject] public required ProductSchemaService Schemas { get; init; }

    protected override void OnInitialized()
    {
        _widenable = Product.Schema.Columns.Where(c => c.AllowedValues is { Count: > 0 }).ToList();
        _required = Product.Schema.Columns.Where(c => !c.Nullable && !c.IsComposed && c.Role is not (ColumnRole.Label or ColumnRole.RowKey)).ToList();
        // Categorical features can be measured per value (segments, fairness); Segment-role columns always are.
        _sliceable = Product.Schema.Columns.Where(c => c.Role == ColumnRole.Feature && c.Kind == ColumnKind.Categorical && !c.IsComposed).ToList();
        _segments.UnionWith(_sliceable.Where(c => c.IsSegment).Select(c => c.Name));
        // Any feature can be marked seasonal (a calendar cycle): its drift is then shown apart.
        _features = Product.Schema.Columns.Where(c => c.IsFeature && !c.IsComposed).ToList();
        _seasonal.UnionWith(_features.Where(c => c.Seasonal).Select(c => c.Name));
    }

    private void Toggle(string column, bool on) => Toggle(_nullable, column, on);

    private void ToggleSegment(string column, bool on) => Toggle(_segments, column, on);

    private void ToggleSeasonal(string column, bool on) => Toggle(_seasonal, column, on);

    private static void Toggle(HashSet<string> set, string column, bool on)
    {
        if (on)
            set.Add(column);
        else
            set.Remove(column);
    }

    /// <summary>The current schema with the dialog's changes applied.</summary>
    internal ProductSchema Proposal()
    {
        var columns = Product.Schema.Columns.Select(c =>
        {
            var more = (_added.GetValueOrDefault(c.Name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var allowed = c.AllowedValues is { } values && more.Length > 0 ? values.Concat(more.Except(values, StringComparer.Ordinal)).ToList() : c.AllowedValues;
            var segment = _sliceable.Any(f => f.Name == c.Name) ? _segments.Contains(c.Name) : c.IsSegment;
            var seasonal = _features.Any(f => f.Name == c.Name) ? _seasonal.Contains(c.Name) : c.Seasonal;
            return c with { AllowedValues = allowed, Nullable = c.Nullable || _nullable.Contains(c.Name), IsSegment = segment, Seasonal = seasonal };
        }).ToList();
        if (!string.IsNullOrWhiteSpace(_newName))
            columns.Add(new ColumnSpec(_newName.Trim(), _newKind, _newRole, Nullable: true, IsSegment: _newRole == ColumnRole.Segment));
        return Product.Schema with { Columns = columns };
    }

    private Task SaveAsync() =>
        SubmitAsync(DashboardRoles.Managers, async () => await Schemas.ChangeAsync(Product.Id, Proposal(), Actors.Ui, CancellationToken.None));
}
