using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>What the quality, drift, behavior and fairness pages share: the product, its batches (newest first), the
/// selected batch with its audit, release markers, and the shareable state in the query string (<c>batch</c>,
/// <c>column</c>, and the product's time range <c>range</c> / <c>from</c> / <c>to</c> / <c>time</c>, see
/// <see cref="TimeRange"/>). Every chart's x axis is the chosen range, on the chosen time of the batches.
/// Reloads live when the product changes (batch stored, labels joined, version promoted).</summary>
public abstract class AuditPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly LiveUpdates _live = new();
    private (int Product, int? Batch, string? Column, TimeRange Range, string? Time, string? Extra)? _loadedFor;

    [Parameter] public int ProductId { get; set; }
    /// <summary>The product's display time zone (the layout cascades it): time axes and dates are in it.</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;
    [SupplyParameterFromQuery(Name = "batch")] public int? QueryBatch { get; set; }
    [SupplyParameterFromQuery(Name = "column")] public string? QueryColumn { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.RangeKey)] public string? QueryRange { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.FromKey)] public string? QueryFrom { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.ToKey)] public string? QueryTo { get; set; }
    [SupplyParameterFromQuery(Name = TimeRange.TimeKey)] public string? QueryTime { get; set; }

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
    /// <summary>The release markers at their place on the chosen time axis.</summary>
    protected IReadOnlyList<ReleaseMarker> Releases { get; private set; } = [];
    protected TimeRange Range { get; private set; } = TimeRange.Default;
    /// <summary>Arrival, or event time when the product has an event-time column and <c>time=event</c>.</summary>
    protected TimeBasis Basis { get; private set; }
    /// <summary>The chosen range resolved against the batches: every chart's x axis.</summary>
    protected TimeWindow? Window { get; private set; }
    protected BatchTimes Times { get; private set; } = new([], TimeBasis.Arrival);
    protected bool HasEventTime => Product?.Schema.EventTime is not null;
    protected bool NotFound { get; private set; }
    protected string? Error { get; private set; }
    protected bool Loaded { get; private set; }
    protected CancellationToken Token => _cts.Token;

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
        var range = TimeRange.Parse(QueryRange, QueryFrom, QueryTo);
        var key = (ProductId, QueryBatch, QueryColumn, range, QueryTime, ExtraQueryState);
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
            Basis = HasEventTime ? TimeRange.ParseBasis(QueryTime) : TimeBasis.Arrival;
            Times = new BatchTimes(BatchList, Basis);
            Window = range.Resolve(Times.Oldest, Times.Newest, Zone);
            Releases = Times.Place(await Audits.GetReleasesAsync(ProductId, Token));
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

    /// <summary>The whole history of a key on the chosen time axis: the chart draws what falls in the range and counts
    /// the rest.</summary>
    protected async Task<IReadOnlyList<MetricSeriesPoint>> SeriesAsync(string key, string? column = null) =>
        Times.Place(await Audits.GetSeriesAsync(ProductId, key, column, null, null, null, Token, includeShadow: false));

    /// <summary>The batches' points of a key and every challenger's shadow points of it.</summary>
    protected async Task<IReadOnlyList<MetricSeriesPoint>> SeriesWithShadowAsync(string key) =>
        Times.Place(await Audits.GetSeriesAsync(ProductId, key, null, null, null, null, Token));

    /// <summary>The points inside the chosen range (for sentences about what the charts show).</summary>
    protected IReadOnlyList<MetricSeriesPoint> InWindow(IReadOnlyList<MetricSeriesPoint> points) =>
        Window is { } window ? points.Where(p => window.Contains(p.At)).ToList() : points;

    /// <summary>No batch lies outside the chosen range.</summary>
    protected bool RangeHasEveryBatch => Times.Inside(Window).Count == BatchList.Count;

    /// <summary>The arrival times of the batches inside the range (for reports that select batches by arrival); an
    /// empty span when none is inside.</summary>
    protected (DateTime? From, DateTime? To) ArrivalSpan()
    {
        if (Window is null)
            return (null, null);
        var inside = Times.Inside(Window);
        return inside.Count == 0
            ? (DateTime.MinValue, DateTime.MinValue)
            : (inside.Min(b => b.ReceivedAt), inside.Max(b => b.ReceivedAt));
    }

    protected TimeSeriesSpec Spec(string yTitle, params TimeSeriesLine[] lines) => new(yTitle, lines)
    {
        Releases = Releases,
        Zone = Zone,
        Window = Window,
        XTitle = Basis == TimeBasis.Event ? $"Batch event time (first row, {Zone.Name})" : null,
    };

    protected void SelectBatch(int batchId) => Navigate(new Dictionary<string, object?> { ["batch"] = batchId == BatchList.FirstOrDefault()?.Id ? null : batchId });

    protected void SelectColumn(string? column) => Navigate(new Dictionary<string, object?> { ["column"] = column });

    protected void SelectRange(TimeRange range) => Navigate(range.ToQuery());

    protected void SelectBasis(TimeBasis basis) => Navigate(new Dictionary<string, object?> { [TimeRange.TimeKey] = basis == TimeBasis.Event ? "event" : null });

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
