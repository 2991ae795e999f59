using DataProductDashboard.Services.Experiments;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Experiments;

/// <summary>The comparison table of an experiment; a row click tells the parent which metric to chart.</summary>
public sealed partial class ComparisonTable
{
    [Parameter, EditorRequired] public required ExperimentSummary Summary { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ComparisonRow> Rows { get; set; }
    [Parameter] public string? SelectedKey { get; set; }
    [Parameter] public EventCallback<string> OnSelect { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required ExperimentService Experiments { get; init; }

    private string RowClass(ComparisonRow row, int index) => row.Key == SelectedKey ? "dpd-comparison-row-selected" : "";

    private Task RowClicked(TableRowClickEventArgs<ComparisonRow> args) => args.Item is { } row ? OnSelect.InvokeAsync(row.Key) : Task.CompletedTask;

    private static Color ColorOf(Verdict verdict) => verdict switch
    {
        Verdict.Better => Color.Success,
        Verdict.Worse => Color.Error,
        Verdict.Different => Color.Warning,
        _ => Color.Default,
    };

    private async Task ExportAsync()
    {
        var metrics = await Experiments.GetMetricsAsync(Summary.ProductId, CancellationToken.None);
        await JS.InvokeVoidAsync("dpdDownload", $"experiment-{Summary.Id}-comparison.csv", "text/csv", ExperimentCsv.Write(Summary, metrics));
    }
}
