using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Access;
using DataProductDashboard.ViewModels.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>The API keys: sortable, filterable, exportable as CSV (never the key, which is not stored); each key that
/// is not revoked yet can be revoked (the page asks and does it).</summary>
public sealed partial class ApiKeysTable
{
    private string? _filter;

    [Parameter, EditorRequired] public required IReadOnlyList<ApiKeyView> Keys { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyDictionary<int, string> ProductNames { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<ApiKeyView> OnRevoke { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private string ProductText(ApiKeyView k) => AdminText.Products(k.ProductIds, ProductNames);

    private static Color StateColor(string state) => state switch
    {
        "Active" => Color.Success,
        "Expired" => Color.Warning,
        _ => Color.Default,
    };

    private bool Matches(ApiKeyView k) =>
        AdminText.Matches(_filter, [k.Name, k.Prefix, k.Role, DashboardRoleNames.Display(k.Role), ProductText(k), k.State, k.CreatedBy]);

    private async Task ExportAsync() =>
        await JS.InvokeVoidAsync("dpdDownload", "api-keys.csv", "text/csv", ApiKeysCsv.Write(Keys.Where(Matches), ProductNames));
}
