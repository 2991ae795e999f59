using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>What the quality, drift and behavior pages share: the product, its batches (newest first), the selected
/// batch with its audit, release markers, and the shareable state in the query string (<c>batch</c>, <c>column</c>,
/// <c>from</c>, <c>to</c>). Reloads live when the product changes (batch stored, labels joined, version promoted).</summary>
public abstract class AuditPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly LiveUpdates _live = new();
    private (int Product, int? Batch, string? Column, AuditRange Range, string? Extra)? _loadedFor;

    [Parameter] public int ProductId { get; set; }
    /// <summary>The product's display time zone (the layout cascades it): time axes and dates are in it.</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;
    [SupplyParameterFromQuery(Name = "batch")] public int? QueryBatch { get; set; }
    [SupplyParameterFromQuery(Name = "column")] public string? QueryColumn { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? QueryTo { get; set; }

    [Inject] public required ProductService Products { get; init; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required AuditQueryService Audits { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    protected ProductDetail? Product { get; private set; }
    protected IReadOnlyList<BatchSummary> BatchList { get; private set; } = [];
    protected BatchDetail? Selected { get; private set; }
    protected IReadOnlyList<ReleaseMarker> Releases { get; private set; } = [];
    protected AuditRange Range { get; private set; } = AuditRange.All;
    protected bool NotFound { get; private set; }
    protected string? Error { get; private set; }
    protected bool Loaded { get; private set; }
    protected CancellationToken Token => _cts.Token;

    /// <summary>The newest batch's time, for the range presets.</summary>
    protected DateTime? Newest => BatchList.Count > 0 ? BatchList[0].ReceivedAt : null;

    protected override Task OnParametersSetAsync()
    {
        _live.Follow(Events, ProductId, InvokeAsync, async () =>
        {
            _loadedFor = null;
            await LoadAsync();
            StateHasChanged();
        });
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var range = AuditRange.Parse(QueryFrom, QueryTo);
        var key = (ProductId, QueryBatch, QueryColumn, range, ExtraQueryState);
        if (_loadedFor == key)
            return;
        _loadedFor = key;
        Range = range;
        NotFound = false;
        Error = null;
        try
        {
            Product = await Products.GetAsync(ProductId, Token);
            BatchList = (await Batches.ListAsync(ProductId, Paging.FirstPage, Paging.Batches.MaxPageSize, BatchSort.ReceivedAt, true, Token)).Items;
            Releases = await Audits.GetReleasesAsync(ProductId, Token);
            var batch = BatchList.FirstOrDefault(b => b.Id == QueryBatch) ?? BatchList.FirstOrDefault();
            Selected = batch is null ? null : await Batches.GetDetailAsync(batch.Id, Token);
            await LoadPageAsync(Token);
            Loaded = true;
        }
        catch (NotFoundException)
        {
            NotFound = true;
            Product = null;
        }
        catch (DashboardException ex)
        {
            Error = ex.Message;
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
        }
    }

    /// <summary>A page's own query state beyond the shared one: a change of it reloads the page.</summary>
    protected virtual string? ExtraQueryState => null;

    /// <summary>Loads what the page shows beyond the shared state (series, distributions).</summary>
    protected abstract Task LoadPageAsync(CancellationToken ct);

    protected async Task<IReadOnlyList<MetricSeriesPoint>> SeriesAsync(string key, string? column = null) =>
        await Audits.GetSeriesAsync(ProductId, key, column, null, Range.From, Range.ToExclusiveEnd, Token, includeShadow: false);

    /// <summary>The batches' points of a key and every challenger's shadow points of it.</summary>
    protected async Task<IReadOnlyList<MetricSeriesPoint>> SeriesWithShadowAsync(string key) =>
        await Audits.GetSeriesAsync(ProductId, key, null, null, Range.From, Range.ToExclusiveEnd, Token);

    protected TimeSeriesSpec Spec(string yTitle, params TimeSeriesLine[] lines) => new(yTitle, lines) { Releases = Releases, Zone = Zone };

    protected void SelectBatch(int batchId) => Navigate(new Dictionary<string, object?> { ["batch"] = batchId == BatchList.FirstOrDefault()?.Id ? null : batchId });

    protected void SelectColumn(string? column) => Navigate(new Dictionary<string, object?> { ["column"] = column });

    protected void SelectRange(AuditRange range) => Navigate(new Dictionary<string, object?> { ["from"] = range.FromText, ["to"] = range.ToText });

    private void Navigate(IReadOnlyDictionary<string, object?> changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes), replace: false);

    protected async Task DownloadCsvAsync(string fileName, string csv) =>
        await JS.InvokeVoidAsync("dpdDownload", Token, fileName, "text/csv", csv);

    public void Dispose()
    {
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
        GC.SuppressFinalize(this);
    }
}
