using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Storage;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Streams a CSV from the browser to disk, submits it through <see cref="BatchIntake"/> with a progress bar, follows the
/// background job for large batches, and closes with the stored <see cref="BatchSummary"/>. Errors stay in the dialog.</summary>
public sealed partial class UploadBatchDialog
{
    private double _fraction;
    private string _stage = "";

    [Parameter] public IReadOnlyList<string> ExpectedColumns { get; set; } = [];
    [Inject] public required BatchIntake Intake { get; init; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required JobTracker Jobs { get; init; }

    /// <summary>The stored batch with the same content, when the chosen file was refused as a duplicate.</summary>
    private DuplicateBatchException? _duplicate;
    /// <summary>Ticked: the sender says the batch is history; unticked: detected (events over the configured days old).</summary>
    private bool _backfill;

    private Task SubmitAsync() => SubmitAsync(allowDuplicate: false);

    private Task UploadAnywayAsync() => SubmitAsync(allowDuplicate: true);

    private Task SubmitAsync(bool allowDuplicate) => SubmitFileStreamAsync(async (file, content, ct) =>
    {
        _duplicate = null;
        var progress = new SyncProgress<ImportProgress>(p => { Report(StageText(p), p.Fraction); _ = InvokeAsync(StateHasChanged); });
        // Streamed from the browser to data/tmp as it arrives, never held whole.
        using var upload = await Store.ReceiveAsync(content, file.Name, MaxBytes,
            () => new PayloadTooLargeException(MaxBytes), ct);
        IntakeResult result;
        try
        {
            result = await Intake.SubmitAsync(ProductId, upload, BatchSource.Ui, allowDuplicate, progress, ct, _backfill ? true : null);
        }
        catch (DuplicateBatchException ex)
        {
            _duplicate = ex;
            return;
        }
        var batch = result.Batch ?? await FollowJobAsync(result.Job!, ct);
        if (batch is not null)
            MudDialog.Close(DialogResult.Ok(batch));
    }, "The batch could not be scored", () => Report("Reading the file", 0));

    /// <summary>Waits for a queued import to end, mirroring its progress; returns the stored batch or null on failure.</summary>
    private async Task<BatchSummary?> FollowJobAsync(JobStatus job, CancellationToken ct)
    {
        var done = new TaskCompletionSource<JobStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(JobStatus j)
        {
            if (j.Id != job.Id)
                return;
            Report($"Queued job: {j.Stage} ({Display.Count(j.RowsDone)} of {Display.Count(j.RowsTotal)} rows)", j.Fraction);
            _ = InvokeAsync(StateHasChanged);
            if (j.State is JobState.Succeeded or JobState.Failed)
                done.TrySetResult(j);
        }
        Jobs.Changed += OnChanged;
        try
        {
            Report($"Queued as a background job ({Display.Count(job.RowsTotal)} rows)", 0);
            StateHasChanged();
            if (await Jobs.GetAsync(job.Id, ct) is { State: JobState.Succeeded or JobState.Failed } already)
                done.TrySetResult(already);
            var final = await done.Task.WaitAsync(ct);
            if (final.State == JobState.Failed || final.BatchId is null)
            {
                Error = $"The background import failed: {final.Error ?? "unknown error"}";
                return null;
            }
            return await Batches.GetSummaryAsync(final.BatchId.Value, ct);
        }
        finally
        {
            Jobs.Changed -= OnChanged;
        }
    }

    private void Report(string stage, double fraction)
    {
        _stage = stage;
        _fraction = Math.Clamp(fraction, 0, 1);
    }

    private static string StageText(ImportProgress p) => p.Stage switch
    {
        ImportStage.Queued => "Waiting for an import slot (other imports are running)",
        ImportStage.Parsing => "Reading and validating the CSV",
        ImportStage.Scoring => $"Scoring rows ({Display.Count(p.RowsDone)} of {Display.Count(p.RowsTotal)})",
        ImportStage.Storing => $"Storing predictions ({Display.Count(p.RowsDone)} of {Display.Count(p.RowsTotal)})",
        ImportStage.Done => "Done",
        _ => p.Stage.ToString(),
    };
}
