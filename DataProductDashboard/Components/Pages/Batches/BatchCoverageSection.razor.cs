using DataProductDashboard.Analysis.Coverage;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Coverage;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Batches;

/// <summary>The batch's population coverage (stored when it was imported) and, on demand, its rows outside the training
/// population with their reasons (read from the stored file).</summary>
public sealed partial class BatchCoverageSection : IDisposable
{
    public const int Shown = 50;
    private readonly CancellationTokenSource _cts = new();
    private CoverageResult? _coverage;
    private UncoveredRowsPage? _page;
    private bool _listing;
    private string? _error;

    [Parameter, EditorRequired] public int BatchId { get; set; }
    /// <summary>Whether the batch's rows were purged (its file is gone: nothing to list).</summary>
    [Parameter] public bool Purged { get; set; }
    [Inject] public required UncoveredRowsService Uncovered { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _coverage = await Uncovered.GetCoverageAsync(BatchId, _cts.Token);
        _page = null;
    }

    private async Task ListAsync()
    {
        (_listing, _error) = (true, null);
        try
        {
            _page = await Uncovered.GetAsync(BatchId, Shown, _cts.Token);
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _listing = false;
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
