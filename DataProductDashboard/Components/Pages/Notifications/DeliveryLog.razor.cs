using System.Globalization;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.ViewModels.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataProductDashboard.Components.Pages.Notifications;

/// <summary>The delivery log of a product: newest first, sortable, filterable by channel (reloaded by the page) and by
/// text, exportable as CSV (what the filters show).</summary>
public sealed partial class DeliveryLog
{
    private string? _search;

    [Parameter] public int ProductId { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ChannelSummary> Channels { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<DeliverySummary> Deliveries { get; set; }
    /// <summary>The channel the log is narrowed to; null: all channels.</summary>
    [Parameter] public int? ChannelId { get; set; }
    [Parameter] public EventCallback<int?> ChannelIdChanged { get; set; }
    /// <summary>How many of the newest deliveries the page loads.</summary>
    [Parameter] public int Take { get; set; }
    [Inject] public required IJSRuntime JS { get; init; }

    private string Caption => Deliveries.Count >= Take
        ? $"The newest {Take.ToString(CultureInfo.InvariantCulture)} deliveries"
        : $"{Deliveries.Count.ToString(CultureInfo.InvariantCulture)} {(Deliveries.Count == 1 ? "delivery" : "deliveries")}";

    private bool Matches(DeliverySummary d) => string.IsNullOrWhiteSpace(_search)
        || $"{d.ChannelName} {NotificationDisplay.Subject(d)} {(d.Succeeded ? "delivered" : "failed")} {d.StatusCode} {d.Error}"
            .Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task ExportAsync()
    {
        var suffix = ChannelId is { } id ? $"-channel-{id.ToString(CultureInfo.InvariantCulture)}" : "";
        await JS.InvokeVoidAsync("dpdDownload", $"product-{ProductId.ToString(CultureInfo.InvariantCulture)}-deliveries{suffix}.csv", "text/csv",
            DeliveriesCsv.Write(Deliveries.Where(Matches)));
    }
}
