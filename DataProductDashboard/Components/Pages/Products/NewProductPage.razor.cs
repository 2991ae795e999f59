using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Components.Shared;
using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Storage;
using DataProductDashboard.ViewModels.Products;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Products;

/// <summary>The new-product wizard: a sample file becomes a proposed schema (<see cref="SchemaInferenceService"/>),
/// shown as an editable table with the sample's first rows; choosing another label analyses the sample again; create
/// makes the product (with its default gates, adopted with the first batch) and opens its models page.</summary>
public sealed partial class NewProductPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FilePicker? _picker;
    private UploadedFile? _sample;
    private NewProductDraft? _draft;
    private string _lookFor = string.Join(", ", SchemaInference.DefaultMarkers);
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [Inject] public required SchemaInferenceService Inference { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ContentStore Store { get; init; }
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required ILogger<NewProductPage> Logger { get; init; }

    private static readonly TaskType[] Tasks = Enum.GetValues<TaskType>();

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        if (file is null)
            return;
        _error = null;
        _errors = null;
        if (file.Size > Options.Value.MaxUploadBytes)
        {
            _error = BrowserFiles.TooLarge(file.Name, file.Size, Options.Value.MaxUploadBytes);
            return;
        }
        await RunAsync(async ct =>
        {
            _sample?.Dispose();
            _sample = null;
            await using var stream = file.OpenReadStream(Options.Value.MaxUploadBytes, ct);
            _sample = await Store.ReceiveAsync(stream, file.Name, Options.Value.MaxUploadBytes,
                () => new PayloadTooLargeException(Options.Value.MaxUploadBytes), ct);
            _draft = null;
            await InferAsync(label: null, ct);
        });
    }

    private Task AnalyseAgainAsync() => RunAsync(ct => InferAsync(_draft?.Label, ct));

    private Task LabelChangedAsync(string? label) => RunAsync(ct => InferAsync(label, ct));

    private async Task InferAsync(string? label, CancellationToken ct)
    {
        if (_sample is null)
            return;
        var markers = _lookFor.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = _draft?.Name;
        _draft = new NewProductDraft(await Inference.InferAsync(_sample, new InferenceChoices(name, markers, label), ct));
    }

    /// <summary>A new label changes the task and its classes: the sample is analysed again for it.</summary>
    private async Task RoleChangedAsync((DraftColumn Column, ColumnRole Role) choice)
    {
        var (column, role) = choice;
        if (role == ColumnRole.Label && column.Role != ColumnRole.Label)
            await LabelChangedAsync(column.Name);
        else
            _draft?.SetRole(column, role);
    }

    private async Task CreateAsync()
    {
        if (_draft is null || !await Guard.DemandAsync(DashboardRoles.Contributors))
            return;
        await RunAsync(async ct =>
        {
            var created = await Products.CreateAsync(_draft.ToRequest(), ct);
            Snackbar.Add($"'{created.Name}' created{(_draft.DefaultGates ? "; its default gates become active with its first batch" : "")}. Next: train or register its first model.",
                Severity.Success);
            Navigation.NavigateTo($"/products/{created.Id}/models");
        });
    }

    private async Task RunAsync(Func<CancellationToken, Task> work)
    {
        if (_busy)
            return;
        _busy = true;
        _error = null;
        _errors = null;
        try
        {
            await work(_cts.Token);
        }
        catch (InputValidationException ex)
        {
            _error = ex.Message;
            _errors = ex.Errors;
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
            Logger.LogError(ex, "The new-product wizard failed");
            _error = $"Something went wrong: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
        _sample?.Dispose();
    }
}
