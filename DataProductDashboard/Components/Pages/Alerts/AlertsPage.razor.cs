using DataProductDashboard.Components.Shared;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Alerts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Alerts;

/// <summary>The alerts inbox: every product's alerts, server-paged and sortable, filtered by product, severity and state
/// (default: not resolved yet); the view lives in the query string (<c>?product=1&amp;severity=Critical&amp;state=Open</c>).
/// Acknowledge and resolve act as the configured user. Reloads live when any product changes (a new alert included).</summary>
public sealed partial class AlertsPage : IDisposable
{
    private const string AllStatesUrl = "/alerts?state=All";
    private static readonly int[] PageSizes = AlertListQuery.PageSizes;
    private readonly CancellationTokenSource _cts = new();
    private readonly HashSet<int> _busy = [];
    private MudTable<AlertSummary>? _table;
    private readonly LiveUpdates _live = new();
    private IReadOnlyList<ProductSummary> _products = [];
    private AlertListQuery _query = AlertListQuery.Default;
    private int _tableKey;
    private int _matching = -1;
    private string? _productsError;
    private string? _tableError;
    private bool _disposed;

    [SupplyParameterFromQuery(Name = "product")] public int? QueryProduct { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string? QuerySeverity { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? QueryState { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? QuerySize { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? QuerySort { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? QueryDescending { get; set; }

    [Inject] public required AlertService Alerts { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ILogger<AlertsPage> Logger { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _live.Follow(Events, null, InvokeAsync, RefreshAsync);
        try
        {
            _products = await Products.ListAsync(_cts.Token);
        }
        catch (DashboardException ex)
        {
            _productsError = $"The product filter could not be loaded: {ex.Message}";
        }
    }

    protected override void OnParametersSet()
    {
        var query = AlertListQuery.From(QueryProduct, QuerySeverity, QueryState, QueryPage, QuerySize, QuerySort, QueryDescending);
        if (query == _query)
            return;
        _query = query;
        _tableKey++;
    }

    private SortDirection Initial(AlertSort column) =>
        _query.Sort != column ? SortDirection.None : _query.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private string RowClass(AlertSummary alert, int index) => alert.State == AlertState.Resolved ? "dpd-alert-resolved" : "";

    private async Task<TableData<AlertSummary>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sorted = AlertQueryText.TryParseSort(state.SortLabel ?? "", out var sort, out _) && state.SortDirection != SortDirection.None;
        var query = _query with
        {
            Page = state.Page + 1,
            PageSize = state.PageSize,
            Sort = sorted ? sort : AlertSort.LastSeen,
            Descending = !sorted || state.SortDirection == SortDirection.Descending,
        };
        try
        {
            var page = await Alerts.ListAsync(query.ToFilter(), ct);
            if (page.Items.Count == 0 && page.TotalCount > 0 && query.Page > 1)
            {
                // The page emptied under us (alerts resolved elsewhere): show the last page that has rows.
                var last = query with { Page = ((page.TotalCount - 1) / query.PageSize) + 1 };
                _ = InvokeAsync(() => ShowQuery(last));
                return new TableData<AlertSummary> { Items = [], TotalItems = page.TotalCount };
            }
            if (query != _query)
            {
                _query = query;
                Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);
            }
            SetMatching(page.TotalCount, error: null);
            return new TableData<AlertSummary> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (NotFoundException)
        {
            SetMatching(0, $"Data product {query.ProductId} was not found; it may have been removed. Pick another product or clear the filter.");
            return new TableData<AlertSummary> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>The table loads its rows itself; the page re-renders when what it shows around the table changes
    /// (export button, error).</summary>
    private void SetMatching(int matching, string? error)
    {
        if (matching == _matching && error == _tableError)
            return;
        _matching = matching;
        _tableError = error;
        _ = InvokeAsync(StateHasChanged);
    }

    private void OnFiltersChanged(AlertListQuery query) => ShowQuery(query with { Page = 1 });

    private void ShowQuery(AlertListQuery query)
    {
        if (query == _query)
            return;
        _query = query;
        _tableKey++;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);
        StateHasChanged();
    }

    /// <summary>Reloads the rows (live events, after an action), keeping page, sort and filters.</summary>
    private async Task RefreshAsync()
    {
        if (_disposed || _table is null)
            return;
        await _table.ReloadServerData();
        StateHasChanged();
    }

    private Task AcknowledgeAsync(AlertSummary alert) =>
        ActAsync(alert, ct => Alerts.AcknowledgeAsync(alert.Id, Actors.Ui, ct), "acknowledged");

    private async Task ResolveAsync(AlertSummary alert)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Responders))
            return;
        var dialog = await Dialogs.ShowAsync<ResolveAlertDialog>("Resolve alert",
            new DialogParameters { [nameof(ResolveAlertDialog.Alert)] = alert },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string note })
            await ActAsync(alert, ct => Alerts.ResolveAsync(alert.Id, Actors.Ui, note, ct), "resolved");
    }

    private async Task ActAsync(AlertSummary alert, Func<CancellationToken, Task<AlertSummary>> action, string done)
    {
        if (_disposed || !await Guard.DemandAsync(DashboardRoles.Responders) || !_busy.Add(alert.Id))
            return;
        try
        {
            var updated = await action(_cts.Token);
            Snackbar.Add($"“{updated.Title}” {done} by {Actors.Ui.Name}.", Severity.Success);
        }
        catch (DashboardException ex)
        {
            Logger.LogInformation("Alert {AlertId} could not be {Done}: {Reason}", alert.Id, done, ex.Message);
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _busy.Remove(alert.Id);
        }
        await RefreshAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
