using DataProductDashboard.Domain;
using DataProductDashboard.Services.Segments;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>On request, the slices of the latest labelled batches where the champion fails most, or, given
/// <see cref="Against"/>, where one of <see cref="Candidates"/> is worse than that version on the same rows.</summary>
public sealed partial class WeakSegmentsCard : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private WeakSegmentsReport? _report;
    private bool _running;
    private string? _error;

    [Parameter, EditorRequired] public int ProductId { get; set; }
    [Parameter] public TaskType Task { get; set; }
    /// <summary>The version the slices are compared with (model comparison); null: the champion alone.</summary>
    [Parameter] public int? Against { get; set; }
    /// <summary>The versions that can be judged against <see cref="Against"/>; the first is chosen.</summary>
    [Parameter] public IReadOnlyList<int> Candidates { get; set; } = [];
    [Inject] public required WeakSegmentsService Weak { get; init; }

    private int? _version;

    private string Title => Against is { } a && _version is { } v ? $"Where v{v} is worse than v{a}" : "Where the model fails";

    protected override void OnParametersSet()
    {
        if (_version is null || !Candidates.Contains(_version.Value))
        {
            _version = Candidates.Count > 0 ? Candidates[0] : null;
            _report = null;
        }
    }

    private void Pick(int version)
    {
        (_version, _report, _error) = (version, null, null);
    }

    private string Value(double value) => Task == TaskType.Regression
        ? ViewModels.Formatting.Display.Number(value)
        : ViewModels.Audit.DriftDisplay.Percent(value);

    private async Task FindAsync()
    {
        (_running, _error) = (true, null);
        try
        {
            _report = await Weak.FindAsync(ProductId, Against is null ? null : _version, Against, 4, _cts.Token);
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
