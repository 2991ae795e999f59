using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Reads a CSV in the browser, submits it through <see cref="BatchIntake"/> with a progress bar, follows the
/// background job for large batches, and closes with the stored <see cref="BatchSummary"/>. Errors stay in the dialog.</summary>
public sealed partial class UploadBatchDialog : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FilePicker? _picker;
    private IBrowserFile? _file;
    private string? _hint;
    private bool _busy;
    private double _fraction;
    private string _stage = "";
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Parameter] public IReadOnlyList<string> ExpectedColumns { get; set; } = [];
    [Inject] public required BatchIntake Intake { get; init; }
    [Inject] public required BatchService Batches { get; init; }
    [Inject] public required JobTracker Jobs { get; init; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required ILogger<UploadBatchDialog> Logger { get; init; }

    private long MaxBytes => Options.Value.MaxUploadBytes;

    private void OnFileChosen(IBrowserFile? file)
    {
        _file = file;
        if (file is null)
            return; // removed, or reset after a rejected file: keep showing why it was rejected
        _errors = null;
        _hint = null;
        _error = file.Size > MaxBytes ? BrowserFiles.TooLarge(file.Name, file.Size, MaxBytes) : null;
    }

    /// <summary>Shows why the file was rejected and resets the picker, so the fixed file (or another) can be chosen.</summary>
    private async Task RejectAsync(string fileName, InputValidationException ex)
    {
        _error = ex.Message;
        _errors = ex.Errors;
        if (!BrowserFiles.IsAboutTheFile(ex))
            return;
        _hint = $"Nothing was stored. Fix '{fileName}' and choose it again, or choose another file.";
        _file = null;
        if (_picker is not null)
            await _picker.ClearAsync();
    }

    private string TooLarge(string name, long size) => BrowserFiles.TooLarge(name, size, MaxBytes);

    private async Task SubmitAsync()
    {
        if (_file is not { } file || _busy)
            return;
        _error = null;
        _errors = null;
        _hint = null;
        if (file.Size > MaxBytes)
        {
            _error = TooLarge(file.Name, file.Size);
            return;
        }
        _busy = true;
        Report("Reading the file", 0);
        try
        {
            var content = await BrowserFiles.ReadAsync(file, MaxBytes, _cts.Token);
            var progress = new SyncProgress<ImportProgress>(p => { Report(StageText(p), p.Fraction); _ = InvokeAsync(StateHasChanged); });
            var result = await Intake.SubmitAsync(ProductId, content, file.Name, BatchSource.Ui, progress, _cts.Token);
            var batch = result.Batch ?? await FollowJobAsync(result.Job!, _cts.Token);
            if (batch is not null)
                MudDialog.Close(DialogResult.Ok(batch));
        }
        catch (InputValidationException ex)
        {
            await RejectAsync(file.Name, ex);
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex) when (!_cts.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "Could not read the uploaded file {FileName}", file.Name);
            _error = file.Size > MaxBytes ? TooLarge(file.Name, file.Size) : $"The file could not be read: {ex.Message}";
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Uploading batch {FileName} for product {ProductId} failed", file.Name, ProductId);
            _error = $"The batch could not be scored: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

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
            if (Jobs.Get(job.Id) is { State: JobState.Succeeded or JobState.Failed } already)
                done.TrySetResult(already);
            var final = await done.Task.WaitAsync(ct);
            if (final.State == JobState.Failed || final.BatchId is null)
            {
                _error = $"The background import failed: {final.Error ?? "unknown error"}";
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
        ImportStage.Parsing => "Reading and validating the CSV",
        ImportStage.Scoring => $"Scoring rows ({Display.Count(p.RowsDone)} of {Display.Count(p.RowsTotal)})",
        ImportStage.Storing => $"Storing predictions ({Display.Count(p.RowsDone)} of {Display.Count(p.RowsTotal)})",
        ImportStage.Done => "Done",
        _ => p.Stage.ToString(),
    };

    private void Cancel()
    {
        _cts.Cancel();
        MudDialog.Cancel();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
