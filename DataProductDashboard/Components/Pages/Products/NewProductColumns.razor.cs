using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Products;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Products;

/// <summary>The wizard's editable column table (kind, role, nullable, segment, allowed values per column; a composed
/// event time shown with its parts and removable), what times the rows, and the sample's first rows.</summary>
public sealed partial class NewProductColumns
{
    private static readonly ColumnKind[] Kinds = Enum.GetValues<ColumnKind>();
    private static readonly ColumnRole[] Roles = [ColumnRole.Feature, ColumnRole.Label, ColumnRole.RowKey, ColumnRole.EventTime, ColumnRole.Segment];

    [Parameter, EditorRequired] public required NewProductDraft Draft { get; set; }
    [Parameter] public bool Busy { get; set; }

    /// <summary>A column's role was chosen (a new label makes the page analyse the sample again).</summary>
    [Parameter] public EventCallback<(DraftColumn Column, ColumnRole Role)> RoleChanged { get; set; }

    private string EventTimeText => Draft.EventTime switch
    {
        { IsComposed: true } c => $"Rows are timed by '{c.Name}', composed (as UTC) {c.ComposedText}; files do not carry it, and its parts stay features.",
        { } c => $"Rows are timed by '{c.Name}'.",
        null => "No event-time column: arrival time is used (each batch's rows are timed when it arrives).",
    };

    private void Remove(DraftColumn column) => Draft.Remove(column);
}
