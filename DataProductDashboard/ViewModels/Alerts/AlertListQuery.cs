using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;

namespace DataProductDashboard.ViewModels.Alerts;

/// <summary>The shareable state of the alerts inbox (<c>?product=1&amp;severity=Critical&amp;state=Open&amp;sort=Count</c>),
/// normalized. Without a state the inbox shows what still needs someone: Open and Acknowledged alerts.</summary>
public sealed record AlertListQuery(int? ProductId, GateSeverity? Severity, AlertStateFilter State, int Page, int PageSize, AlertSort Sort, bool Descending)
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public static AlertListQuery Default { get; } = new(null, null, AlertStateFilter.Unresolved, 1, DefaultPageSize, AlertSort.LastSeen, true);

    /// <summary>Whether the view is every unresolved alert, so that an empty list means every gate passes.</summary>
    public bool ShowsEverythingOpen => ProductId is null && Severity is null && State == AlertStateFilter.Unresolved;

    public bool IsFiltered => ProductId is not null || Severity is not null || State != AlertStateFilter.Unresolved;

    /// <summary>Reads query-string values; anything missing or unknown falls back to the default.</summary>
    public static AlertListQuery From(int? product, string? severity, string? state, int? page, int? pageSize, string? sort, bool? desc) => new(
        product is > 0 ? product : null,
        severity is not null && AlertQueryText.TryParseSeverity(severity, out var s, out _) ? s : null,
        state is not null && AlertQueryText.TryParseState(state, out var st, out _) ? st : AlertStateFilter.Unresolved,
        page is > 0 ? page.Value : 1,
        pageSize is { } size && PageSizes.Contains(size) ? size : DefaultPageSize,
        sort is not null && AlertQueryText.TryParseSort(sort, out var so, out _) ? so : AlertSort.LastSeen,
        desc ?? true);

    /// <summary>What the alert service lists for this view.</summary>
    public AlertFilter ToFilter() => new AlertFilter(ProductId, Severity, Page: Page, PageSize: PageSize, Sort: Sort, Descending: Descending).WithState(State);

    /// <summary>The CSV export of the same view (every alert that matches, in this order, not just the current page):
    /// <c>/api/alerts?format=csv&amp;state=Unresolved&amp;sort=LastSeen&amp;descending=true&amp;productId=1</c>.</summary>
    public string ExportUrl()
    {
        var url = string.Create(CultureInfo.InvariantCulture,
            $"/api/alerts?format=csv&state={State}&sort={Sort}&descending={(Descending ? "true" : "false")}");
        if (ProductId is { } product)
            url += string.Create(CultureInfo.InvariantCulture, $"&productId={product}");
        return Severity is { } severity ? $"{url}&severity={severity}" : url;
    }

    /// <summary>Query parameters that differ from the defaults (null removes a parameter from the URL).</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["product"] = ProductId,
        ["severity"] = Severity?.ToString(),
        ["state"] = State == AlertStateFilter.Unresolved ? null : State.ToString(),
        ["page"] = Page == 1 ? null : Page,
        ["size"] = PageSize == DefaultPageSize ? null : PageSize,
        ["sort"] = Sort == AlertSort.LastSeen ? null : Sort.ToString(),
        ["desc"] = Descending ? null : "false",
    };
}
