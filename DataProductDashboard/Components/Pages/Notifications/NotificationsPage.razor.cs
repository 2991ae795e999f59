using DataProductDashboard.Components.Shared;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Notifications;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Notifications;

/// <summary>A product's notification channels (webhooks, e-mail) with add / edit / enable / test / delete, and the
/// delivery log. Refreshes live when the product changes (a channel edited elsewhere, an alert delivered).</summary>
public sealed partial class NotificationsPage
{
    /// <summary>The delivery log shows this many of the newest deliveries.</summary>
    public const int DeliveryTake = 500;
    private readonly HashSet<int> _testing = [];
    private IReadOnlyList<ChannelSummary>? _channels;
    private IReadOnlyList<DeliverySummary> _deliveries = [];
    private int? _deliveryChannel;

    [Inject] public required NotificationChannelService Channels { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if (FollowProduct())
            _deliveryChannel = null;
        await LoadAsync();
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        _channels = await Channels.ListAsync(ProductId, ct);
        if (_deliveryChannel is { } id && _channels.All(c => c.Id != id))
            _deliveryChannel = null;
        _deliveries = await Channels.ListDeliveriesAsync(ProductId, _deliveryChannel, DeliveryTake, ct);
    }

    private async Task OnDeliveryChannelChanged(int? channelId)
    {
        _deliveryChannel = channelId;
        await LoadAsync();
    }

    private Task AddAsync() => ShowDialogAsync(null);

    private Task EditAsync(ChannelSummary channel) => ShowDialogAsync(channel);

    private async Task ShowDialogAsync(ChannelSummary? channel)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        var dialog = await Dialogs.ShowAsync<ChannelDialog>(channel is null ? "Add a channel" : "Edit channel",
            new DialogParameters<ChannelDialog> { { d => d.ProductId, ProductId }, { d => d.Channel, channel } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false, Data: ChannelSummary saved })
        {
            Snackbar.Add(channel is null ? $"Channel '{saved.Name}' added. Send a test to check it." : $"Channel '{saved.Name}' saved.", Severity.Success);
            await LoadAsync();
            await ShowSecretAsync(saved);
        }
    }

    private async Task RotateAsync(ChannelSummary channel)
    {
        if (!await ConfirmAsync("Rotate the signing secret?",
                $"'{channel.Name}' gets a new signing secret; deliveries signed with the old one stop verifying at once, so update the receiver right after.", "Rotate"))
            return;
        ChannelSummary? rotated = null;
        await RunAsync(DashboardRoles.Managers, async () => rotated = await Channels.RotateSecretAsync(ProductId, channel.Id, Actors.Ui, Cancellation.Token));
        if (rotated is not null)
            await ShowSecretAsync(rotated);
    }

    /// <summary>Shows a secret the service just handed out; it is never shown again.</summary>
    private async Task ShowSecretAsync(ChannelSummary channel)
    {
        if (channel.Secret is not { } secret)
            return;
        var dialog = await Dialogs.ShowAsync<WebhookSecretDialog>("Signing secret",
            new DialogParameters<WebhookSecretDialog> { { d => d.ChannelName, channel.Name }, { d => d.Secret, secret } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = false, BackdropClick = false });
        await dialog.Result;
    }

    private async Task ToggleAsync(ChannelSummary channel)
    {
        await RunAsync(DashboardRoles.Managers, async () =>
        {
            var saved = await Channels.UpdateAsync(ProductId, channel.Id, channel.ToRequest() with { Enabled = !channel.Enabled }, Actors.Ui, Cancellation.Token);
            Snackbar.Add(saved.Enabled ? $"'{saved.Name}' enabled: alerts are sent to it again." : $"'{saved.Name}' disabled: nothing is sent to it.", Severity.Info);
        });
    }

    private async Task TestAsync(ChannelSummary channel)
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers) || !_testing.Add(channel.Id))
            return;
        try
        {
            var delivery = await Channels.SendTestAsync(ProductId, channel.Id, Cancellation.Token);
            Snackbar.Add($"Test to '{channel.Name}': {NotificationDisplay.Outcome(delivery)}", delivery.Succeeded ? Severity.Success : Severity.Error,
                o => o.RequireInteraction = !delivery.Succeeded);
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _testing.Remove(channel.Id);
        }
        await LoadAsync();
    }

    private async Task DeleteAsync(ChannelSummary channel)
    {
        if (!await ConfirmAsync("Delete channel?",
                $"Delete the {NotificationDisplay.Kind(channel.Kind).ToLowerInvariant()} channel '{channel.Name}'? Its delivery log is deleted with it; alerts keep appearing in the app.", "Delete"))
            return;
        await RunAsync(DashboardRoles.Managers, async () =>
        {
            await Channels.DeleteAsync(ProductId, channel.Id, Actors.Ui, Cancellation.Token);
            Snackbar.Add($"Channel '{channel.Name}' deleted.", Severity.Success);
        });
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: "Cancel") == true;
}
