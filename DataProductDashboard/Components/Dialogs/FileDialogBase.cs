using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>What every dialog that takes a file from the browser shares: the chosen file within the upload limit,
/// busy state, errors kept in the dialog, a rejected file cleared so the fixed one can be chosen, and cancellation.
/// A dialog supplies only its work in <see cref="SubmitFileAsync"/>.</summary>
public abstract class FileDialogBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ILogger? _logger;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required ILoggerFactory LoggerFactory { get; init; }
    [Inject] public required ContentStore Store { get; init; }

    protected FilePicker? Picker { get; set; }
    protected IBrowserFile? ChosenFile { get; private set; }
    protected bool Busy { get; private set; }
    protected string? Error { get; set; }
    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }
    protected string? Hint { get; private set; }
    protected CancellationToken Cancellation => _cts.Token;
    protected long MaxBytes => Options.Value.MaxUploadBytes;
    protected ILogger Logger => _logger ??= LoggerFactory.CreateLogger(GetType());

    protected void OnFileChosen(IBrowserFile? file)
    {
        ChosenFile = file;
        if (file is null)
            return; // removed, or reset after a rejected file: keep showing why it was rejected
        Errors = null;
        Hint = null;
        Error = file.Size > MaxBytes ? BrowserFiles.TooLarge(file.Name, file.Size, MaxBytes) : null;
    }

    /// <summary>Receives the chosen file as every upload is received (<see cref="ContentStore.ReceiveAsync"/>: gzip,
    /// UTF-16 and Parquet become UTF-8 CSV) and hands <paramref name="work"/> its name as received (week.parquet →
    /// week.csv) and its bytes; every failure ends up in the dialog: validation errors keyed by row/column (the file is
    /// cleared when they are about it), expected failures by their message, anything else logged and prefixed with
    /// <paramref name="failure"/>.</summary>
    protected Task SubmitFileAsync(Func<string, ReadOnlyMemory<byte>, CancellationToken, Task> work, string failure, Action? starting = null) =>
        SubmitAsync(async (file, ct) =>
        {
            using var upload = await ReceiveAsync(file, ct);
            await work(upload.FileName, upload.ReadAllBytes(), ct);
        }, failure, starting);

    /// <summary>Streams a file chosen in the browser to data/tmp through the content store, within the upload limit.</summary>
    protected async Task<UploadedFile> ReceiveAsync(IBrowserFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream(MaxBytes, ct);
        return await Store.ReceiveAsync(stream, file.Name, MaxBytes, () => new PayloadTooLargeException(MaxBytes), ct);
    }

    /// <summary>As <see cref="SubmitFileAsync"/>, handing <paramref name="work"/> the file as a stream read from the
    /// browser as it is consumed (a large batch is never held whole in memory).</summary>
    protected Task SubmitFileStreamAsync(Func<IBrowserFile, Stream, CancellationToken, Task> work, string failure, Action? starting = null) =>
        SubmitAsync(async (file, ct) =>
        {
            await using var stream = file.OpenReadStream(MaxBytes, ct);
            await work(file, stream, ct);
        }, failure, starting);

    private async Task SubmitAsync(Func<IBrowserFile, CancellationToken, Task> work, string failure, Action? starting)
    {
        if (ChosenFile is not { } file || Busy)
            return;
        Error = null;
        Errors = null;
        Hint = null;
        if (file.Size > MaxBytes)
        {
            Error = BrowserFiles.TooLarge(file.Name, file.Size, MaxBytes);
            return;
        }
        Busy = true;
        try
        {
            starting?.Invoke();
            await work(file, Cancellation);
        }
        catch (InputValidationException ex)
        {
            await RejectAsync(file.Name, ex);
        }
        catch (DashboardException ex)
        {
            Error = ex.Message;
        }
        catch (IOException ex) when (!_cts.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "Could not read the uploaded file {FileName}", file.Name);
            Error = $"The file could not be read: {ex.Message}";
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "{Failure}: {FileName} for product {ProductId}", failure, file.Name, ProductId);
            Error = $"{failure}: {ex.Message}";
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Shows why the file was rejected and resets the picker, so the fixed file (or another) can be chosen.</summary>
    private async Task RejectAsync(string fileName, InputValidationException ex)
    {
        Error = ex.Message;
        Errors = ex.Errors;
        if (!BrowserFiles.IsAboutTheFile(ex))
            return;
        Hint = $"Nothing was stored. Fix '{fileName}' and choose it again, or choose another file.";
        ChosenFile = null;
        if (Picker is not null)
            await Picker.ClearAsync();
    }

    protected void Cancel()
    {
        _cts.Cancel();
        MudDialog.Cancel();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _cts.Cancel();
        _cts.Dispose();
    }
}
