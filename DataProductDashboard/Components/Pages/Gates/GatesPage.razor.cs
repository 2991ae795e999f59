using DataProductDashboard.Components.Shared;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Gates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Gates;

/// <summary>A product's quality gates: the batch and release rules (toggle, edit, delete), the default gates its
/// metrics propose (add one or all), the history of outcomes and the audit trail; the expected batch cadence. Tab and
/// history filters live in the query string; the page reloads live when the product changes.</summary>
public sealed partial class GatesPage
{
    public const int TrailLimit = 1000;
    private IReadOnlyList<GateRuleView> _rules = [];
    private IReadOnlyList<ProposedGate> _proposals = [];
    private IReadOnlyList<TrailEntry> _trail = [];
    private IReadOnlyList<ReleaseMarker> _releases = [];
    private ViewModels.Time.BatchTimes _times = new([], ViewModels.Time.TimeBasis.Arrival);
    private double? _cadence;
    private GatesPageQuery _query = GatesPageQuery.Default;
    private int _version;

    [SupplyParameterFromQuery(Name = "tab")] public string? QueryTab { get; set; }
    [SupplyParameterFromQuery(Name = "rule")] public int? QueryRule { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QueryStatus { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.RangeKey)] public string? QueryRange { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? QueryTo { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? QueryPage { get; set; }

    [Inject] public required GateService Gates { get; init; }
    [Inject] public required AuditTrail Trail { get; init; }
    [Inject] public required AuditQueryService Audits { get; init; }
    [Inject] public required Services.Batches.BatchQueries Batches { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IReadOnlyList<GateRuleView> BatchRules => _rules.Where(r => r.Scope == GateScope.Batch).ToList();
    private IReadOnlyList<GateRuleView> ReleaseRules => _rules.Where(r => r.Scope == GateScope.Release).ToList();

    protected override async Task OnParametersSetAsync()
    {
        _query = GatesPageQuery.From(QueryTab, QueryRule, QueryStatus, QueryRange, QueryFrom, QueryTo, QueryPage);
        if (FollowProduct())
            await LoadAsync();
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        _rules = await Gates.ListAsync(ProductId, null, ct);
        _proposals = await Gates.GetProposalsAsync(ProductId, ct);
        _trail = await Trail.ListAsync(ProductId, TrailLimit, ct);
        _cadence = await Gates.GetExpectedCadenceAsync(ProductId, ct);
        // Gate outcomes are judged as batches arrive: the history's axis is arrival time, releases placed on it.
        var batches = (await Batches.ListAsync(ProductId, Paging.FirstPage, Paging.Batches.MaxPageSize, Services.Batches.BatchSort.ReceivedAt, true, ct)).Items;
        _times = new ViewModels.Time.BatchTimes(batches, ViewModels.Time.TimeBasis.Arrival);
        _releases = _times.Place(await Audits.GetReleasesAsync(ProductId, ct));
        _version++;
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
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
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
        await RunAsync(DashboardRoles.Managers, async () =>
        {
            var input = GateRuleForm.InputOf(change.Rule) with { Enabled = change.Enabled };
            var saved = await Gates.UpdateAsync(ProductId, change.Rule.Id, input, Actors.Ui, Cancellation.Token);
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
        await RunAsync(DashboardRoles.Managers, async () =>
        {
            await Gates.DeleteAsync(ProductId, rule.Id, Actors.Ui, Cancellation.Token);
            Snackbar.Add($"Gate “{rule.Name}” deleted.", Severity.Info);
        });
    }

    private Task AddProposalAsync(ProposedGate proposal) => RunAsync(DashboardRoles.Managers, async () =>
    {
        var saved = await Gates.CreateAsync(ProductId, GateRuleInput.From(proposal.Rule), Actors.Ui, Cancellation.Token);
        Snackbar.Add($"Gate “{saved.Name}” added.", Severity.Success);
    });

    private Task AddAllAsync(IReadOnlyList<ProposedGate> proposals) => RunAsync(DashboardRoles.Managers, async () =>
    {
        var added = 0;
        foreach (var proposal in proposals)
        {
            await Gates.CreateAsync(ProductId, GateRuleInput.From(proposal.Rule), Actors.Ui, Cancellation.Token);
            added++;
        }
        Snackbar.Add($"{added} default gate{(added == 1 ? "" : "s")} added.", Severity.Success);
    });

    private async Task<string?> SaveCadenceAsync(double? hours)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return DashboardRoleNames.Needs(DashboardRoles.Managers);
        try
        {
            await Gates.SetExpectedCadenceAsync(ProductId, hours, Actors.Ui, Cancellation.Token);
            _cadence = hours;
            Snackbar.Add(hours is { } h ? $"A batch is now expected every {h:0.##} h; a missing one raises an alert." : "No expected cadence: no missing-batch alert.",
                Severity.Success);
            _trail = await Trail.ListAsync(ProductId, TrailLimit, Cancellation.Token);
            return null;
        }
        catch (InputValidationException ex)
        {
            return ex.Errors.Values.FirstOrDefault()?.FirstOrDefault() ?? ex.Message;
        }
    }
}
