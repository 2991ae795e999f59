using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Gates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Gates;

/// <summary>A product's quality gates: the batch and release rules (toggle, edit, delete), the default gates its
/// metrics propose (add one or all), the history of outcomes and the audit trail; the expected batch cadence. Tab and
/// history filters live in the query string; the page reloads live when the product changes.</summary>
public sealed partial class GatesPage : IDisposable
{
    public const int TrailLimit = 1000;
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private ProductDetail? _product;
    private IReadOnlyList<GateRuleView> _rules = [];
    private IReadOnlyList<ProposedGate> _proposals = [];
    private IReadOnlyList<TrailEntry> _trail = [];
    private IReadOnlyList<ReleaseMarker> _releases = [];
    private double? _cadence;
    private GatesPageQuery _query = GatesPageQuery.Default;
    private int? _loadedProduct;
    private int _version;
    private bool _busy;
    private bool _notFound;
    private string? _error;

    [Parameter] public int ProductId { get; set; }
    [SupplyParameterFromQuery(Name = "tab")] public string? QueryTab { get; set; }
    [SupplyParameterFromQuery(Name = "rule")] public int? QueryRule { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QueryStatus { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? QueryTo { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? QueryPage { get; set; }

    [Inject] public required ProductService Products { get; init; }
    [Inject] public required GateService Gates { get; init; }
    [Inject] public required AuditTrail Trail { get; init; }
    [Inject] public required AuditQueryService Audits { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IReadOnlyList<GateRuleView> BatchRules => _rules.Where(r => r.Scope == GateScope.Batch).ToList();
    private IReadOnlyList<GateRuleView> ReleaseRules => _rules.Where(r => r.Scope == GateScope.Release).ToList();

    protected override async Task OnParametersSetAsync()
    {
        _query = GatesPageQuery.From(QueryTab, QueryRule, QueryStatus, QueryFrom, QueryTo, QueryPage);
        if (_loadedProduct != ProductId)
        {
            _loadedProduct = ProductId;
            _subscription?.Dispose();
            _subscription = Events.Subscribe(ProductId, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _notFound = false;
        _error = null;
        try
        {
            _product = await Products.GetAsync(ProductId, _cts.Token);
            _rules = await Gates.ListAsync(ProductId, null, _cts.Token);
            _proposals = await Gates.GetProposalsAsync(ProductId, _cts.Token);
            _trail = await Trail.ListAsync(ProductId, TrailLimit, _cts.Token);
            _cadence = await Gates.GetExpectedCadenceAsync(ProductId, _cts.Token);
            _releases = await Audits.GetReleasesAsync(ProductId, _cts.Token);
            _version++;
        }
        catch (NotFoundException)
        {
            _product = null;
            _notFound = true;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
    }

    private void Navigate(GatesPageQuery query) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: false);

    private void SelectTab(int index)
    {
        if (index != _query.TabIndex)
            Navigate(_query.WithTab(index) with { Page = 1 });
    }

    private void ShowHistory(GateRuleView rule) => Navigate(_query with { Tab = GatesPageQuery.History, RuleId = rule.Id, Status = null, Page = 1 });

    private Task AddAsync() => OpenEditorAsync(null, null);

    private Task EditAsync(GateRuleView rule) => OpenEditorAsync(rule, null);

    private Task CustomizeAsync(ProposedGate proposal) => OpenEditorAsync(null, proposal);

    private async Task OpenEditorAsync(GateRuleView? rule, ProposedGate? proposal)
    {
        var parameters = new DialogParameters<GateRuleDialog>
        {
            { d => d.ProductId, ProductId },
            { d => d.Rule, rule },
            { d => d.Initial, proposal is null ? null : GateRuleInput.From(proposal.Rule) },
        };
        var title = rule is null ? "Add a gate" : $"Edit gate “{rule.Name}”";
        var dialog = await Dialogs.ShowAsync<GateRuleDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false, Data: GateRuleView saved })
        {
            Snackbar.Add(rule is null ? $"Gate “{saved.Name}” added." : $"Gate “{saved.Name}” saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ToggleAsync((GateRuleView Rule, bool Enabled) change)
    {
        await RunAsync(async () =>
        {
            var input = GateRuleForm.InputOf(change.Rule) with { Enabled = change.Enabled };
            var saved = await Gates.UpdateAsync(ProductId, change.Rule.Id, input, Actors.Ui, _cts.Token);
            Snackbar.Add($"Gate “{saved.Name}” {(saved.Enabled ? "enabled" : "disabled")}.", Severity.Info);
        });
    }

    private async Task DeleteAsync(GateRuleView rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this gate?",
            $"“{rule.Name}” ({rule.Text}) and its {GateText.Scope(rule.Scope).ToLowerInvariant()} outcome history will be deleted. The audit trail keeps a record.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
            return;
        await RunAsync(async () =>
        {
            await Gates.DeleteAsync(ProductId, rule.Id, Actors.Ui, _cts.Token);
            Snackbar.Add($"Gate “{rule.Name}” deleted.", Severity.Info);
        });
    }

    private Task AddProposalAsync(ProposedGate proposal) => RunAsync(async () =>
    {
        var saved = await Gates.CreateAsync(ProductId, GateRuleInput.From(proposal.Rule), Actors.Ui, _cts.Token);
        Snackbar.Add($"Gate “{saved.Name}” added.", Severity.Success);
    });

    private Task AddAllAsync(IReadOnlyList<ProposedGate> proposals) => RunAsync(async () =>
    {
        var added = 0;
        foreach (var proposal in proposals)
        {
            await Gates.CreateAsync(ProductId, GateRuleInput.From(proposal.Rule), Actors.Ui, _cts.Token);
            added++;
        }
        Snackbar.Add($"{added} default gate{(added == 1 ? "" : "s")} added.", Severity.Success);
    });

    private async Task<string?> SaveCadenceAsync(double? hours)
    {
        try
        {
            await Gates.SetExpectedCadenceAsync(ProductId, hours, Actors.Ui, _cts.Token);
            _cadence = hours;
            Snackbar.Add(hours is { } h ? $"A batch is now expected every {h:0.##} h; a missing one raises an alert." : "No expected cadence: no missing-batch alert.",
                Severity.Success);
            _trail = await Trail.ListAsync(ProductId, TrailLimit, _cts.Token);
            return null;
        }
        catch (InputValidationException ex)
        {
            return ex.Errors.Values.FirstOrDefault()?.FirstOrDefault() ?? ex.Message;
        }
    }

    /// <summary>Runs a change, reports a refused one, and reloads whatever happened (a partial "add all" stays added).</summary>
    private async Task RunAsync(Func<Task> change)
    {
        _busy = true;
        try
        {
            await change();
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
