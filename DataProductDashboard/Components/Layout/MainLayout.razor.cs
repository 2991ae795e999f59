using System.Text.RegularExpressions;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Layout;

/// <summary>App bar and navigation; the product section of the drawer follows the product in the URL
/// (<c>/products/{id}/…</c>, or the product of <c>/batches/{id}</c>).</summary>
public sealed partial class MainLayout : IDisposable
{
    private readonly MudTheme _theme = DashboardTheme.Create();
    private bool _drawerOpen = true;
    private bool _onBatchPage;
    private ProductDetail? _product;
    /// <summary>The product's time range of the current address ("?range=30d&amp;time=event"), carried by the product's links.</summary>
    private string _rangeQuery = "";
    private string _path = "/";
    private ViewModels.Formatting.ZonedDisplay _zone = ViewModels.Formatting.ZonedDisplay.Utc;
    private readonly Shared.LiveUpdates _live = new();
    private CancellationTokenSource _cts = new();

    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required BatchQueries Batches { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required Services.Notifications.ProductEvents Events { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        await ResolveProductAsync(Navigation.Uri);
    }

    /// <summary>Runs only once the circuit is interactive: tells the page (and browser tests) that handlers are attached.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            await JS.InvokeVoidAsync("dpdMarkInteractive");
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(async () =>
        {
            await ResolveProductAsync(e.Location);
            StateHasChanged();
        });

    private async Task ResolveProductAsync(string uri)
    {
        await _cts.CancelAsync();
        _cts.Dispose();
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;
        var path = Navigation.ToBaseRelativePath(uri);
        _onBatchPage = false;
        _rangeQuery = RangeQuery(uri);
        _path = "/" + path.Split('?', '#')[0].TrimEnd('/');
        int? productId = null;
        try
        {
            if (ProductPath().Match(path) is { Success: true } p)
            {
                productId = int.Parse(p.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (BatchPath().Match(path) is { Success: true } b)
            {
                _onBatchPage = true;
                var batchId = int.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                productId = (await Batches.GetSummaryAsync(batchId, ct)).ProductId;
            }
            _product = productId is { } id
                ? (_product?.Id == id ? _product : await Products.GetAsync(id, ct))
                : null;
            _zone = ViewModels.Formatting.ZonedDisplay.For(_product?.TimeZone);
            // A rename or a new time zone shows at once in the app bar and in every date of the product's pages.
            if (_product is not null)
                _live.Follow(Events, _product.Id, InvokeAsync, RefreshProductAsync);
        }
        catch (Exception ex) when (ex is NotFoundException or OverflowException or FormatException)
        {
            _product = null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshProductAsync()
    {
        if (_product is not { } current)
            return;
        try
        {
            _product = await Products.GetAsync(current.Id, _cts.Token);
            _zone = ViewModels.Formatting.ZonedDisplay.For(_product.TimeZone);
        }
        catch (NotFoundException)
        {
            _product = null;
            _zone = ViewModels.Formatting.ZonedDisplay.Utc;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        StateHasChanged();
    }

    /// <summary>"active" for the drawer link of the current page: the links carry the range query, so the navigation
    /// link's own matching (which compares the query too) misses a page whose address has more parameters.</summary>
    private string? Active(string path, bool exact) =>
        _path.Equals(path, StringComparison.OrdinalIgnoreCase) || (!exact && _path.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase)) ? "active" : null;

    /// <summary>A link of the product's drawer section that keeps the time range the user chose.</summary>
    private string Link(string path) => path + _rangeQuery;

    private static readonly string[] RangeKeys =
        [ViewModels.Time.TimeRange.RangeKey, ViewModels.Time.TimeRange.FromKey, ViewModels.Time.TimeRange.ToKey, ViewModels.Time.TimeRange.TimeKey];

    /// <summary>The range parameters of an address, in a fixed order; "" when it has none.</summary>
    public static string RangeQuery(string uri)
    {
        var query = new Uri(uri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.Query : (uri.IndexOf('?') is var i and >= 0 ? uri[i..] : "");
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var kept = RangeKeys.Where(k => parsed.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
            .Select(k => $"{k}={Uri.EscapeDataString(parsed[k].ToString())}").ToList();
        return kept.Count == 0 ? "" : "?" + string.Join("&", kept);
    }

    [GeneratedRegex(@"^products/(\d{1,9})(?:[/?#]|$)")]
    private static partial Regex ProductPath();

    [GeneratedRegex(@"^batches/(\d{1,9})(?:[/?#]|$)")]
    private static partial Regex BatchPath();

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
