using DataProductDashboard.Services.Alerts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Asks for an optional note before an alert is resolved. Closes with the note (empty when none); the page
/// does the resolving.</summary>
public sealed partial class ResolveAlertDialog
{
    private string? _note;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required AlertSummary Alert { get; set; }

    private void Confirm() => MudDialog.Close(DialogResult.Ok(_note?.Trim() ?? ""));

    private void Cancel() => MudDialog.Cancel();
}
