using DataProductDashboard.Domain;
using DataProductDashboard.Services.Segments;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>On request, the slices of the latest labelled batches where the champion fails most.</summary>
public sealed partial class WeakSegmentsCard : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private WeakSegmentsReport? _report;
    private bool _running;
    private string? _error;

    [Parameter, EditorRequired] public int ProductId { get; set; }
    [Parameter] public TaskType Task { get; set; }
    [Inject] public required WeakSegmentsService Weak { get; init; }

    private string Value(double value) => Task == TaskType.Regression
        ? ViewModels.Formatting.Display.Number(value)
        : ViewModels.Audit.DriftDisplay.Percent(value);

    private async Task FindAsync()
    {
        (_running, _error) = (true, null);
        try
        {
            _report = await Weak.FindAsync(ProductId, null, null, 4, _cts.Token);
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
