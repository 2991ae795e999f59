using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.ViewModels.Batches;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Batches;

/// <summary>A batch's stored predictions, paged on the server; binary products show the class, not 0/1.</summary>
public sealed partial class PredictionsTable
{
    private const int PageSize = 25;
    private static readonly int[] PageSizes = [25, 50, 100, 500];

    [Parameter, EditorRequired] public required int BatchId { get; set; }
    [Parameter] public int RowCount { get; set; }
    [Parameter, EditorRequired] public required PredictionDisplay Format { get; set; }
    [Inject] public required BatchQueries Batches { get; init; }

    private async Task<TableData<PredictionRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        try
        {
            var page = await Batches.GetPredictionsAsync(BatchId, state.Page + 1, state.PageSize, ct);
            return new TableData<PredictionRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DashboardException)
        {
            return new TableData<PredictionRow> { Items = [], TotalItems = 0 };
        }
    }
}
