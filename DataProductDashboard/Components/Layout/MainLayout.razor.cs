using System.Text.RegularExpressions;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;

namespace DataProductDashboard.Components.Layout;

/// <summary>App bar and navigation; the product section of the drawer follows the product in the URL
/// (<c>/products/{id}/…</c>, or the product of <c>/batches/{id}</c>).</summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    private static readonly MudTheme Theme = DashboardTheme.Create();
    private readonly MudTheme _theme = Theme;
    private readonly Guid _viewportSubscription = Guid.NewGuid();
    private MudThemeProvider? _themeProvider;
    private ThemeMode _themeMode = ThemeMode.System;
    private bool _dark;
    private bool _systemDark;
    // Open (full width) on wide screens; below 1280 px the drawer starts as a rail of icons (set once the browser's width is known).
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
    [Inject] public required UserPreferenceService Preferences { get; init; }
    [Inject] public required IBrowserViewportService Viewport { get; init; }
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _themeMode = await Preferences.GetThemeAsync(await UserNameAsync(), _cts.Token);
        _dark = _themeMode == ThemeMode.Dark;
        await ResolveProductAsync(Navigation.Uri);
    }

    /// <summary>Runs only once the circuit is interactive: follows the system's colour scheme and the window's width, then
    /// tells the page (and browser tests) that handlers are attached.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        if (_themeProvider is not null)
        {
            _systemDark = await _themeProvider.GetSystemDarkModeAsync();
            await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        }
        await Viewport.SubscribeAsync(_viewportSubscription, OnViewportChanged, new ResizeOptions { NotifyOnBreakpointOnly = true }, fireImmediately: true);
        ApplyTheme();
        StateHasChanged();
        await JS.InvokeVoidAsync("dpdMarkInteractive");
    }

    private void OnViewportChanged(BrowserViewportEventArgs e)
    {
        // A rail of icons below 1280 px (the "lg" breakpoint), the full drawer above; a later toggle is the user's.
        _drawerOpen = NavigationDrawer.OpensAt(e.Breakpoint);
        InvokeAsync(StateHasChanged);
    }

    private Task OnSystemDarkModeChangedAsync(bool dark)
    {
        _systemDark = dark;
        ApplyTheme();
        return InvokeAsync(StateHasChanged);
    }

    private void ApplyTheme() => _dark = _themeMode == ThemeMode.Dark || (_themeMode == ThemeMode.System && _systemDark);

    private async Task ChangeThemeAsync(ThemeMode mode)
    {
        _themeMode = mode;
        ApplyTheme();
        if (await UserNameAsync() is { } userName)
            await Preferences.SetThemeAsync(userName, mode, _cts.Token);
    }

    private async Task<string?> UserNameAsync() =>
        Authentication is null ? null : (await Authentication).User.Identity?.Name;

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

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _live.Dispose();
        await _cts.CancelAsync();
        _cts.Dispose();
        try
        {
            await Viewport.UnsubscribeAsync(_viewportSubscription);
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
