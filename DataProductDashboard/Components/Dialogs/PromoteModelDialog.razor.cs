using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Models;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Confirms a promotion: the current champion and the candidate side by side with their hold-out metrics, and
/// the candidate's release gates (confirm stays disabled while a critical gate fails without a waiver). Closes with
/// <c>true</c> when confirmed; the page does the promotion.</summary>
public sealed partial class PromoteModelDialog
{
    private Services.Releases.ReleaseDecision? _decision;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required PromotionComparison Comparison { get; set; }
    [Parameter, EditorRequired] public int ProductId { get; set; }

    private void OnDecision(Services.Releases.ReleaseDecision decision) => _decision = decision;

    private static string Describe(ModelVersionSummary? version) =>
        version is null ? "–" : $"{Display.Trainer(version.Trainer)} · {Display.Source(version.Source)}";

    private static string Rows(ModelVersionSummary? version) =>
        version?.HoldoutRows is { } rows ? Display.Count(rows) : "–";

    private void Confirm() => MudDialog.Close(DialogResult.Ok(true));

    private void Cancel() => MudDialog.Cancel();
}
