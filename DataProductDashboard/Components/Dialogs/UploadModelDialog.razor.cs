using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Registers an uploaded ML.NET zip; closes with the new <see cref="ModelVersionSummary"/>, keeps errors in the dialog.</summary>
public sealed partial class UploadModelDialog : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FilePicker? _picker;
    private IBrowserFile? _file;
    private IBrowserFile? _reference;
    private string? _hint;
    private string? _notes;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required ILogger<UploadModelDialog> Logger { get; init; }

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

    private void OnReferenceChosen(IBrowserFile? file) => _reference = file;

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

    private async Task SubmitAsync()
    {
        if (_file is not { } file || _busy)
            return;
        _error = null;
        _errors = null;
        _hint = null;
        if (file.Size > MaxBytes)
        {
            _error = BrowserFiles.TooLarge(file.Name, file.Size, MaxBytes);
            return;
        }
        _busy = true;
        try
        {
            var zip = await BrowserFiles.ReadAsync(file, MaxBytes, _cts.Token);
            ReadOnlyMemory<byte>? reference = _reference is { } r ? await BrowserFiles.ReadAsync(r, MaxBytes, _cts.Token) : null;
            var version = await Registry.RegisterUploadAsync(ProductId, zip, file.Name, _notes, reference, _reference?.Name, _cts.Token);
            MudDialog.Close(DialogResult.Ok(version));
        }
        catch (InputValidationException ex)
        {
            await RejectAsync(file.Name, ex);
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Registering model {FileName} for product {ProductId} failed", file.Name, ProductId);
            _error = $"The model could not be registered: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

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
