using System.Globalization;
using DataProductDashboard.Services.Batches;

namespace DataProductDashboard.ViewModels.Batches;

/// <summary>The shareable state of the batches page (<c>?page=2&amp;sort=Rows&amp;desc=false&amp;q=2011</c>), normalized.</summary>
public sealed record BatchListQuery(int Page, int PageSize, BatchSort Sort, bool Descending, string? Filter)
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public static BatchListQuery Default { get; } = new(1, DefaultPageSize, BatchSort.ReceivedAt, true, null);

    /// <summary>Reads query-string values; anything missing or out of range falls back to newest-first, page 1.</summary>
    public static BatchListQuery From(int? page, int? pageSize, string? sort, bool? desc, string? filter) => new(
        page is > 0 ? page.Value : 1,
        pageSize is { } size && PageSizes.Contains(size) ? size : DefaultPageSize,
        Enum.TryParse<BatchSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : BatchSort.ReceivedAt,
        desc ?? true,
        string.IsNullOrWhiteSpace(filter) ? null : filter.Trim());

    /// <summary>The CSV export of the same view: <c>/api/products/7/batches?format=csv&amp;sort=Rows&amp;descending=false&amp;q=2011</c>
    /// (every batch that matches the filter, in this order, not just the current page).</summary>
    public string ExportUrl(int productId)
    {
        var url = string.Create(CultureInfo.InvariantCulture,
            $"/api/products/{productId}/batches?format=csv&sort={Sort}&descending={(Descending ? "true" : "false")}");
        return Filter is null ? url : $"{url}&q={Uri.EscapeDataString(Filter)}";
    }

    /// <summary>Query parameters that differ from the defaults (null removes a parameter from the URL).</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["page"] = Page == 1 ? null : Page,
        ["size"] = PageSize == DefaultPageSize ? null : PageSize,
        ["sort"] = Sort == BatchSort.ReceivedAt ? null : Sort.ToString(),
        ["desc"] = Descending ? null : "false",
        ["q"] = Filter,
    };
}
