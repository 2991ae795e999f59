using DataProductDashboard.Components.Shared;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Kpis;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Kpis;

/// <summary>A product's KPIs: one card per KPI (status, latest complete value against the target band, the business-drift
/// classification with its evidence), the selected KPI (<c>?kpi=</c>) charted over time with the audit on the same axis
/// and its values table; add, edit, delete KPIs and upload values. Reloads live when the product changes.</summary>
public sealed partial class KpisPage
{
    private IReadOnlyList<KpiOverview> _kpis = [];
    private KpiDetail? _detail;
    private ChartFigure? _figure;
    private int? _loadedKpi;
    private ViewModels.Time.TimeRange _range = ViewModels.Time.TimeRange.Default;
    private ViewModels.Time.TimeRange? _loadedRange;
    private ViewModels.Time.TimeWindow? _window;

    [SupplyParameterFromQuery(Name = "kpi")] public int? QueryKpi { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.RangeKey)] public string? QueryRange { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.FromKey)] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = ViewModels.Time.TimeRange.ToKey)] public string? QueryTo { get; set; }
    [Inject] public required Services.Audit.AuditQueryService Audits { get; init; }
    [Inject] public required Services.Batches.BatchQueries Batches { get; init; }

    [Inject] public required KpiService Kpis { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _range = ViewModels.Time.TimeRange.Parse(QueryRange, QueryFrom, QueryTo);
        if (FollowProduct() || QueryKpi != _loadedKpi || _range != _loadedRange)
            await LoadAsync();
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        _kpis = await Kpis.ListOverviewAsync(ProductId, ct);
        // The KPI in the query string, else the first with a finding, else the first.
        var selected = _kpis.FirstOrDefault(k => k.Id == QueryKpi) ?? _kpis.FirstOrDefault(k => k.Drift is not null) ?? _kpis.FirstOrDefault();
        _loadedKpi = QueryKpi;
        _loadedRange = _range;
        _detail = selected is null ? null : await Kpis.GetAsync(ProductId, selected.Id, ct);
        if (_detail is null)
        {
            (_figure, _window) = (null, null);
            return;
        }
        // The KPI's axis is its periods (the time its rows happened): the shared range resolves against its own periods,
        // and the releases sit where the version's first batch's rows start.
        var periods = _detail.Values.Where(v => v.Arm is null && v.Value is not null).Select(v => v.Period).ToList();
        _window = _range.Resolve(periods.Count == 0 ? null : periods.Min(), periods.Count == 0 ? null : periods.Max(), ViewModels.Formatting.ZonedDisplay.Utc);
        var batches = (await Batches.ListAsync(ProductId, Paging.FirstPage, Paging.Batches.MaxPageSize, Services.Batches.BatchSort.ReceivedAt, true, ct)).Items;
        var releases = ViewModels.Time.ReleasePlacement.OnAxis(await Audits.GetReleasesAsync(ProductId, ct), batches, ViewModels.Time.TimeBasis.Event);
        _figure = KpiFigureBuilder.Build(_detail, window: _window, releases: releases);
    }

    private void SelectRange(ViewModels.Time.TimeRange range) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(range.ToQuery()));

    private void Select(KpiOverview kpi) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("kpi", kpi.Id));

    private Task AddAsync() => OpenEditorAsync(null);

    private async Task EditAsync(KpiOverview kpi) => await OpenEditorAsync(await Kpis.GetDefinitionAsync(ProductId, kpi.Id, Cancellation.Token));

    private async Task OpenEditorAsync(KpiDefinition? kpi)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        var parameters = new DialogParameters<KpiDialog>
        {
            { d => d.ProductId, ProductId },
            { d => d.Kpi, kpi },
            { d => d.Schema, Product!.Schema },
            { d => d.ProductTask, Product.Task },
        };
        var dialog = await Dialogs.ShowAsync<KpiDialog>(kpi is null ? "Add a KPI" : $"Edit KPI “{kpi.Name}”", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false, Data: KpiDetail saved })
        {
            Snackbar.Add(kpi is null ? $"KPI “{saved.Definition.Name}” added." : $"KPI “{saved.Definition.Name}” saved.", Severity.Success);
            if (QueryKpi != saved.Definition.Id)
                Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("kpi", saved.Definition.Id));
            else
                await LoadAsync();
        }
    }

    private async Task UploadAsync(KpiOverview kpi)
    {
        if (!await Guard.DemandAsync(DashboardRoles.KpiUploaders))
            return;
        var parameters = new DialogParameters<UploadKpiValuesDialog>
        {
            { d => d.ProductId, ProductId },
            { d => d.KpiId, kpi.Id },
            { d => d.KpiName, kpi.Name },
            { d => d.Period, kpi.Period },
        };
        var dialog = await Dialogs.ShowAsync<UploadKpiValuesDialog>($"Upload values of “{kpi.Name}”", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false })
            await LoadAsync();
    }

    private async Task DeleteAsync(KpiOverview kpi)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this KPI?",
            $"“{kpi.Name}” and all its values will be deleted, and its alert resolved. The audit trail keeps a record.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
            return;
        await RunAsync(DashboardRoles.Managers, async () =>
        {
            await Kpis.DeleteAsync(ProductId, kpi.Id, Actors.Ui, Cancellation.Token);
            Snackbar.Add($"KPI “{kpi.Name}” deleted.", Severity.Info);
        });
    }
}
