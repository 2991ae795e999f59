using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Gates;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Gates;

/// <summary>The gate rules of one scope: sortable, filterable, exportable as CSV; each row toggles, edits, deletes
/// (the page does the work) and links to the rule's history.</summary>
public sealed partial class GateRulesTable
{
    private string? _filter;

    [Parameter, EditorRequired] public required string Title { get; set; }
    [Parameter, EditorRequired] public GateScope Scope { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<GateRuleView> Rules { get; set; }
    [Parameter] public string EmptyText { get; set; } = "No rules yet.";
    [Parameter] public string FileName { get; set; } = "gates.csv";
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<(GateRuleView Rule, bool Enabled)> OnToggle { get; set; }
    [Parameter] public EventCallback<GateRuleView> OnEdit { get; set; }
    [Parameter] public EventCallback<GateRuleView> OnDelete { get; set; }
    [Parameter] public EventCallback<GateRuleView> OnHistory { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private string ScopeKey => Scope.ToString().ToLowerInvariant();

    private static object LastRank(GateRuleView r) => r.LastStatus is { } s ? GateEvaluator.Rank(s) : -1;

    private bool Matches(GateRuleView r)
    {
        if (string.IsNullOrWhiteSpace(_filter))
            return true;
        var q = _filter.Trim();
        return new[] { r.Name, r.Text, r.MetricName, r.MetricKey, r.Column, r.Owner, r.Severity.ToString(), r.LastStatus?.ToString() }
            .Any(v => v?.Contains(q, StringComparison.OrdinalIgnoreCase) == true);
    }

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("dpdDownload", FileName, "text/csv", GateRulesCsv.Write(Rules.Where(Matches)));
}
