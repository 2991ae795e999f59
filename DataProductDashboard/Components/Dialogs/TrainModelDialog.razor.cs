using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Trains a model in the app from a labelled CSV, shows the new version's hold-out metrics, then closes with it.</summary>
public sealed partial class TrainModelDialog : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FilePicker? _picker;
    private IBrowserFile? _file;
    private string? _hint;
    private TrainerKind _trainer = TrainerKind.FastTree;
    private double _holdout = 0.2;
    private int _seed = 42;
    private string? _notes;
    private string _labelName = "label";
    private bool _busy;
    private ModelVersionSummary? _trained;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required ILogger<TrainModelDialog> Logger { get; init; }

    private long MaxBytes => Options.Value.MaxUploadBytes;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var product = await Products.GetAsync(ProductId, _cts.Token);
            _labelName = product.Schema.Label?.Name ?? "(the schema has no label column)";
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
    }

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
            var csv = await BrowserFiles.ReadAsync(file, MaxBytes, _cts.Token);
            _trained = await Registry.TrainAsync(ProductId, csv, file.Name, new TrainModelRequest(_trainer, _holdout, _seed, _notes), _cts.Token);
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
            Logger.LogError(ex, "Training a {Trainer} model for product {ProductId} failed", _trainer, ProductId);
            _error = $"Training failed: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private void Done() => MudDialog.Close(DialogResult.Ok(_trained));

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
