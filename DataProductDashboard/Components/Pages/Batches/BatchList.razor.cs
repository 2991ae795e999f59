using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Batches;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Batches;

/// <summary>A product's batches: server-paged, sortable, filterable by file name; page, sort and filter live in the
/// query string (<c>?page=2&amp;sort=Rows&amp;desc=false&amp;q=2011</c>) so the view can be shared.</summary>
public sealed partial class BatchList : IDisposable
{
    /// <summary>The product's display time zone (the layout cascades it; UTC elsewhere).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private static readonly int[] BatchListQueryPageSizes = BatchListQuery.PageSizes;
    private readonly CancellationTokenSource _cts = new();
    private MudTable<BatchSummary>? _table;
    private ProductDetail? _product;
    private BatchListQuery _query = BatchListQuery.Default;
    private int _totalAll = -1;
    private int _tableKey;
    private int _matching = -1;
    private bool _notFound;
    private string? _error;

    [Parameter] public int ProductId { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? QueryPage { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? QuerySize { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? QuerySort { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? QueryDescending { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? QueryFilter { get; set; }

    [Inject] public required ProductService Products { get; init; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IEnumerable<string> ExpectedColumns => _product?.Schema.RequiredInBatch.Where(c => !c.IsComposed).Select(c => c.Name) ?? [];

    protected override async Task OnParametersSetAsync()
    {
        var query = BatchListQuery.From(QueryPage, QuerySize, QuerySort, QueryDescending, QueryFilter);
        var productChanged = _product?.Id != ProductId;
        if (!productChanged && query == _query)
            return;
        _query = query;
        if (productChanged)
            await LoadProductAsync();
        else
            _tableKey++;
    }

    private async Task LoadProductAsync()
    {
        _notFound = false;
        _error = null;
        try
        {
            _product = await Products.GetAsync(ProductId, _cts.Token);
            _totalAll = (await Batches.ListAsync(ProductId, 1, 1, BatchSort.ReceivedAt, true, _cts.Token)).TotalCount;
            _tableKey++;
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
    }

    private SortDirection Initial(BatchSort column) =>
        _query.Sort != column ? SortDirection.None : _query.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private async Task<TableData<BatchSummary>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = BatchSort.ReceivedAt;
        var sorted = state.SortDirection != SortDirection.None && Enum.TryParse(state.SortLabel, out sort);
        var query = _query with
        {
            Page = state.Page + 1,
            PageSize = state.PageSize,
            Sort = sorted ? sort : BatchSort.ReceivedAt,
            Descending = !sorted || state.SortDirection == SortDirection.Descending,
        };
        var page = await Batches.ListAsync(ProductId, query.Page, query.PageSize, query.Sort, query.Descending, query.Filter, ct);
        if (query != _query)
        {
            _query = query;
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);
        }
        _matching = page.TotalCount;
        return new TableData<BatchSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private void OnFilterChanged(string? filter)
    {
        var query = _query with { Filter = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim(), Page = 1 };
        if (query == _query)
            return;
        _query = query;
        _tableKey++;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);
    }

    /// <summary>A background import ended: its batch (if any) joins the list.</summary>
    private async Task OnJobFinishedAsync(Services.Jobs.JobStatus job)
    {
        if (job.BatchId is null)
            return;
        _totalAll = (await Batches.ListAsync(ProductId, 1, 1, BatchSort.ReceivedAt, true, _cts.Token)).TotalCount;
        _tableKey++;
        StateHasChanged();
    }

    private void OnRowClick(TableRowClickEventArgs<BatchSummary> args)
    {
        if (args.Item is { } batch)
            Navigation.NavigateTo($"/batches/{batch.Id}");
    }

    private async Task UploadAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.Uploaders))
            return;
        var dialog = await Dialogs.ShowAsync<UploadBatchDialog>("Upload a batch", new DialogParameters
        {
            [nameof(UploadBatchDialog.ProductId)] = ProductId,
            [nameof(UploadBatchDialog.ExpectedColumns)] = ExpectedColumns.ToList(),
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: BatchSummary batch })
        {
            Snackbar.Add($"Batch {batch.Label} scored: {Display.Count(batch.RowCount)} rows", Severity.Success, options =>
            {
                options.Action = "Open";
                options.ActionColor = Color.Primary;
                options.OnClick = _ =>
                {
                    Navigation.NavigateTo($"/batches/{batch.Id}");
                    return Task.CompletedTask;
                };
            });
            _query = _query with { Page = 1 };
        }
        // Reload however the dialog closed: a queued batch keeps scoring after the dialog is gone.
        await LoadProductAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
