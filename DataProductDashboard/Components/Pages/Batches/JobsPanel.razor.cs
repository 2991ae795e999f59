using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Batches;

/// <summary>The product's recent background imports, read from the stored jobs (so a reload or a restart shows the
/// same progress and outcome), updated live while they run; hidden when there are none.</summary>
public sealed partial class JobsPanel : IDisposable
{
    /// <summary>The product's display time zone (the layout cascades it; UTC elsewhere).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private const int Shown = 10;
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<JobStatus> _jobs = [];

    [Parameter] public int ProductId { get; set; }

    /// <summary>Called when a job of this product finishes (the batch list reloads).</summary>
    [Parameter] public EventCallback<JobStatus> JobFinished { get; set; }

    [Inject] public required JobTracker Jobs { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Jobs.Changed += OnChanged;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _jobs = await Jobs.ForProductAsync(ProductId, Shown, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    private void OnChanged(JobStatus job)
    {
        if (job.ProductId != ProductId || _cts.IsCancellationRequested)
            return;
        _ = InvokeAsync(async () =>
        {
            if (_cts.IsCancellationRequested)
                return;
            var list = _jobs.ToList();
            var index = list.FindIndex(j => j.Id == job.Id);
            if (index >= 0)
                list[index] = job;
            else
                list.Insert(0, job);
            _jobs = list.Take(Shown).ToList();
            StateHasChanged();
            if (job.IsFinished)
                await JobFinished.InvokeAsync(job);
        });
    }

    private static Color StateColor(JobState state) => state switch
    {
        JobState.Succeeded => Color.Success,
        JobState.Failed => Color.Error,
        JobState.Running => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        Jobs.Changed -= OnChanged;
        _cts.Cancel();
        _cts.Dispose();
    }
}
