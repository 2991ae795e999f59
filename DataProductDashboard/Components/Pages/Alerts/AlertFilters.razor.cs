using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Products;
using DataProductDashboard.ViewModels.Alerts;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Alerts;

/// <summary>The inbox filters: product, severity and state (Unresolved = Open and Acknowledged, the default).
/// Raises <see cref="QueryChanged"/> with the new view; the page owns the URL.</summary>
public sealed partial class AlertFilters
{
    private const string AnySeverity = "Any";

    [Parameter, EditorRequired] public required AlertListQuery Query { get; set; }
    [Parameter] public IReadOnlyList<ProductSummary> Products { get; set; } = [];
    [Parameter] public EventCallback<AlertListQuery> QueryChanged { get; set; }

    private string ProductName(int id) =>
        id == 0 ? "All products" : Products.FirstOrDefault(p => p.Id == id)?.Name ?? $"Product {id}";

    private static string StateName(AlertStateFilter state) => state switch
    {
        AlertStateFilter.Unresolved => "Unresolved (open + acknowledged)",
        AlertStateFilter.All => "All, resolved included",
        _ => state.ToString(),
    };

    private Task OnProductChanged(int id) => QueryChanged.InvokeAsync(Query with { ProductId = id > 0 ? id : null });

    private Task OnSeverityChanged(string? text) => QueryChanged.InvokeAsync(Query with
    {
        Severity = text is not null && AlertQueryText.TryParseSeverity(text, out var severity, out _) ? severity : null,
    });

    private Task OnStateChanged(AlertStateFilter state) => QueryChanged.InvokeAsync(Query with { State = state });

    private Task ClearAsync() => QueryChanged.InvokeAsync(Query with { ProductId = null, Severity = null, State = AlertStateFilter.Unresolved });
}
