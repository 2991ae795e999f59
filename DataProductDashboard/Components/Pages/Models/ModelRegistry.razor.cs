using DataProductDashboard.Components.Shared;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Models;

/// <summary>Model activation: the versions of a product's model, with upload and training (model editors), promotion and rollback (managers) and CSV export.</summary>
public sealed partial class ModelRegistry : IDisposable
{
    /// <summary>The product's display time zone (the layout cascades it).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private readonly CancellationTokenSource _cts = new();
    private ProductDetail? _product;
    private IReadOnlyList<ModelVersionSummary>? _versions;
    private string? _search;
    private bool _promoting;
    private bool _notFound;
    private string? _error;

    [Parameter] public int ProductId { get; set; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required EvaluationSetService EvaluationSets { get; init; }
    [Inject] public required Services.Releases.ReleaseService Releases { get; init; }
    [Inject] public required ChallengerService Challengers { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _notFound = false;
        _error = null;
        try
        {
            _product = await Products.GetAsync(ProductId, _cts.Token);
            _versions = await Registry.ListAsync(ProductId, _cts.Token);
            _evaluationSet = await EvaluationSets.GetAsync(ProductId, _cts.Token);
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
    }

    private readonly SortedSet<int> _selected = [];
    private EvaluationSetInfo? _evaluationSet;

    private bool CanCompare => _selected.Count >= 2 && _selected.Count <= ModelComparisonService.MaxVersions;

    private string CompareHref => $"/products/{ProductId}/models/compare?versions={string.Join(",", _selected)}";

    private void Tick(int version, bool ticked)
    {
        if (ticked)
            _selected.Add(version);
        else
            _selected.Remove(version);
    }

    private bool Matches(ModelVersionSummary v) => string.IsNullOrWhiteSpace(_search)
        || $"v{v.Number} {v.Status} {v.Source} {v.Trainer} {v.Notes} {v.FileName} {v.FileHash}".Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static Color StatusColor(ModelStatus status) => status switch
    {
        ModelStatus.Champion => Color.Success,
        ModelStatus.Challenger => Color.Info,
        ModelStatus.Retired => Color.Default,
        _ => Color.Primary,
    };

    private async Task PromoteAsync(ModelVersionSummary version)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        var champion = _versions?.FirstOrDefault(v => v.Status == ModelStatus.Champion);
        var dialog = await Dialogs.ShowAsync<PromoteModelDialog>($"Promote version {version.Number}",
            new DialogParameters<PromoteModelDialog> { { d => d.Comparison, PromotionComparison.For(version, champion) }, { d => d.ProductId, ProductId } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false })
            return;
        await BusyAsync(async () =>
        {
            await Releases.PromoteAsync(ProductId, version.Number, Actors.Ui, _cts.Token);
            Snackbar.Add($"Version {version.Number} is now the champion; new batches are scored by it.", Severity.Success);
        });
    }

    /// <summary>Runs a registry change with the row actions disabled, reloads after it, and shows its refusal.</summary>
    private async Task BusyAsync(Func<Task> change)
    {
        _promoting = true;
        try
        {
            await change();
            await LoadAsync();
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _promoting = false;
        }
    }

    private async Task SetChallengerAsync(ModelVersionSummary version, bool on)
    {
        if (!await Guard.DemandAsync(DashboardRoles.ModelEditors))
            return;
        await BusyAsync(async () =>
        {
            if (on)
            {
                await Challengers.MarkAsync(ProductId, version.Number, Actors.Ui, _cts.Token);
                Snackbar.Add($"Version {version.Number} is a challenger: each new batch is scored by it beside the champion.", Severity.Success);
            }
            else
            {
                await Challengers.UnmarkAsync(ProductId, version.Number, Actors.Ui, _cts.Token);
                Snackbar.Add($"Version {version.Number} is no longer shadow-scored; its history stays.", Severity.Info);
            }
        });
    }

    /// <summary>The version a rollback would restore: the latest earlier champion that is not retired.</summary>
    private ModelVersionSummary? RollbackTarget => _versions?
        .Where(v => v.Status != ModelStatus.Champion && v.Status != ModelStatus.Retired && v.PromotedAt is not null)
        .OrderByDescending(v => v.PromotedAt).FirstOrDefault();

    private async Task RollbackAsync()
    {
        if (RollbackTarget is not { } target || _versions?.FirstOrDefault(v => v.Status == ModelStatus.Champion) is not { } champion)
            return;
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Roll back the champion?",
            $"v{target.Number} becomes the champion again and v{champion.Number} is retired. Release gates are not checked for a rollback; it is recorded in the audit trail.",
            yesText: $"Roll back to v{target.Number}", cancelText: "Cancel");
        if (confirmed != true)
            return;
        await BusyAsync(async () =>
        {
            await Releases.RollbackAsync(ProductId, Actors.Ui, _cts.Token);
            Snackbar.Add($"Rolled back: v{target.Number} is the champion again.", Severity.Warning);
        });
    }

    private async Task ExportAsync()
    {
        if (_versions is null || _product is null)
            return;
        var rows = _versions.Where(Matches).ToList();
        await JS.InvokeVoidAsync("dpdDownload", _cts.Token, $"product-{ProductId}-models.csv", "text/csv", ModelVersionsCsv.Write(rows));
    }

    private Task UploadAsync() => ShowAsync<UploadModelDialog>("Upload a model");

    private Task TrainAsync() => ShowAsync<TrainModelDialog>("Train a model");

    private async Task EvaluationSetAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.ModelEditors))
            return;
        var dialog = await Dialogs.ShowAsync<UploadEvaluationSetDialog>("Evaluation set", new DialogParameters<UploadEvaluationSetDialog>
        {
            { d => d.ProductId, ProductId },
            { d => d.Current, _evaluationSet },
            { d => d.Label, _product?.Schema.Label?.Name ?? "label" },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: EvaluationSetInfo set })
            Snackbar.Add($"Evaluation set '{set.FileName}' registered: {Display.Count(set.LabelledRows)} labelled rows.", Severity.Success);
        await LoadAsync();
        StateHasChanged();
    }

    private async Task ShowAsync<TDialog>(string title) where TDialog : ComponentBase
    {
        if (!await Guard.DemandAsync(DashboardRoles.ModelEditors))
            return;
        var dialog = await Dialogs.ShowAsync<TDialog>(title, new DialogParameters { ["ProductId"] = ProductId },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ModelVersionSummary version })
            Snackbar.Add($"Version {version.Number} registered ({version.Status}). Hold-out: {Display.Metrics(version.HoldoutMetrics)}", Severity.Success);
        // Reload however the dialog closed: a version trained before Escape or ✕ is registered all the same.
        await LoadAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
