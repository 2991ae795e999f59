using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Experiments;

/// <summary>A product's A/B tests: the list (running first), the selected one (<c>?experiment=</c>, default the first)
/// with its arms, sample-ratio check, progress, comparison table, per-arm chart and decision panel, and the dialog that
/// starts a new one. Reloads live when the product changes (a batch split, labels, a decision).</summary>
public sealed partial class ExperimentsPage
{
    private IReadOnlyList<ExperimentSummary> _experiments = [];
    private IReadOnlyList<ExperimentMetric> _metrics = [];
    private IReadOnlyList<ModelVersionSummary> _versions = [];
    private ExperimentDetail? _detail;
    private int? _missing;
    private int? _shownQuery;
    private int _version;

    [SupplyParameterFromQuery(Name = "experiment")] public int? QueryExperiment { get; set; }

    [Inject] public required ExperimentService Experiments { get; init; }
    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>Why a new experiment cannot start now (no champion, no other version, one running); null when it can.</summary>
    private string? StartBlockedReason => Product is null ? null : ExperimentStartRules.BlockedReason(Product.Name, Product.ChampionVersion, _versions, _experiments, Product.Task);

    protected override async Task OnParametersSetAsync()
    {
        if (FollowProduct())
            await LoadAsync();
        else if (_shownQuery != QueryExperiment)
            await LoadAsync();
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        var details = await Experiments.ListDetailsAsync(ProductId, ct);
        _experiments = details.Select(d => d.Summary).ToList();
        _metrics = await Experiments.GetMetricsAsync(ProductId, ct);
        _versions = await Registry.ListAsync(ProductId, ct);
        _shownQuery = QueryExperiment;
        _detail = QueryExperiment is { } id ? details.FirstOrDefault(d => d.Summary.Id == id) : details.FirstOrDefault();
        _missing = _detail is null ? QueryExperiment : null;
        _version++;
    }

    private async Task NewExperimentAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.Contributors))
            return;
        var parameters = new DialogParameters<StartExperimentDialog>
        {
            { d => d.ProductId, ProductId },
            { d => d.ChampionVersion, Product?.ChampionVersion },
            { d => d.Versions, _versions },
            { d => d.Metrics, _metrics },
        };
        var dialog = await Dialogs.ShowAsync<StartExperimentDialog>("New experiment", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false, Data: ExperimentSummary started })
        {
            Snackbar.Add($"Experiment “{started.Name}” started: the next batches are split.", Severity.Success);
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("experiment", started.Id));
            await LoadAsync();
        }
    }

    private async Task OnDecidedAsync(ExperimentSummary decided)
    {
        Snackbar.Add(decided.Status == ExperimentStatus.Stopped
            ? $"Experiment “{decided.Name}” stopped: {ExperimentDisplay.Decision(decided.Decision).ToLowerInvariant()}."
            : $"Decision recorded: experiment “{decided.Name}” keeps running.", Severity.Success);
        await LoadAsync();
    }
}
