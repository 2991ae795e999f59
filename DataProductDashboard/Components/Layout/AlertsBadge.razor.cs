using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Layout;

/// <summary>The app bar's bell: links to the inbox and shows how many alerts are Open (not yet acknowledged) across all
/// products, hidden at zero. Recounts live when any product changes.</summary>
public sealed partial class AlertsBadge : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly LiveUpdates _live = new();
    private int _count;
    private bool _disposed;

    [Inject] public required AlertService Alerts { get; init; }
    [Inject] public required ProductEvents Events { get; init; }
    [Inject] public required ILogger<AlertsBadge> Logger { get; init; }

    private string Label => _count switch
    {
        0 => "Alerts: none open",
        1 => "Alerts: 1 open",
        _ => $"Alerts: {_count} open",
    };

    protected override async Task OnInitializedAsync()
    {
        _live.Follow(Events, null, InvokeAsync, async () =>
        {
            if (await CountAsync())
                StateHasChanged();
        });
        await CountAsync();
    }

    /// <summary>Recounts; false when the component is gone or the count failed (the badge keeps its last number).</summary>
    private async Task<bool> CountAsync()
    {
        if (_disposed)
            return false;
        try
        {
            _count = await Alerts.CountOpenAsync(null, _cts.Token);
            return true;
        }
        catch (OperationCanceledException) when (_disposed)
        {
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Could not count open alerts for the app bar");
            return false;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _live.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
