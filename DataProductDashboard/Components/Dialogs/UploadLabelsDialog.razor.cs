using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Labels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Reads a CSV of row key + label in the browser and joins it through <see cref="LabelService"/>; shows what
/// changed, or the specific row/column errors (nothing is half-written). Closes with the <see cref="LabelUploadResult"/>.</summary>
public sealed partial class UploadLabelsDialog : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FilePicker? _picker;
    private IBrowserFile? _file;
    private bool _busy;
    private string? _error;
    private string? _hint;
    private IReadOnlyDictionary<string, string[]>? _errors;
    private LabelUploadResult? _result;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Parameter] public string RowKey { get; set; } = "row key";
    [Parameter] public string Label { get; set; } = "label";
    [Inject] public required LabelService Labels { get; init; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required ILogger<UploadLabelsDialog> Logger { get; init; }

    private long MaxBytes => Options.Value.MaxUploadBytes;

    private void OnFileChosen(IBrowserFile? file)
    {
        _file = file;
        if (file is null)
            return;
        _errors = null;
        _hint = null;
        _error = file.Size > MaxBytes ? BrowserFiles.TooLarge(file.Name, file.Size, MaxBytes) : null;
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
            var content = await BrowserFiles.ReadAsync(file, MaxBytes, _cts.Token);
            _result = await Labels.UploadAsync(ProductId, content, file.Name, _cts.Token);
        }
        catch (InputValidationException ex)
        {
            _error = ex.Message;
            _errors = ex.Errors;
            _hint = $"Nothing was stored. Fix '{file.Name}' and choose it again, or choose another file.";
            _file = null;
            if (_picker is not null)
                await _picker.ClearAsync();
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex) when (!_cts.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "Could not read the label file {FileName}", file.Name);
            _error = $"The file could not be read: {ex.Message}";
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        finally
        {
            _busy = false;
        }
    }

    private void Done() => MudDialog.Close(DialogResult.Ok(_result));

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
