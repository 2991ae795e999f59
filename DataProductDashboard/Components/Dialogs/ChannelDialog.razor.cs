using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Adds or edits a webhook / e-mail channel. The service validates; its errors show under their fields and are
/// re-checked as you type (including the refusal of URLs on this host or its network). Closes with the saved
/// <see cref="ChannelSummary"/>, which carries a new webhook's signing secret for the page to show once.</summary>
public sealed partial class ChannelDialog
{
    private string? _name;
    private ChannelKind _kind = ChannelKind.Webhook;
    private string? _target;
    private GateSeverity _severity = GateSeverity.Warning;
    private bool _enabled = true;
    private bool _busy;
    private string? _otherError;
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    /// <summary>The channel to edit; null to add one.</summary>
    [Parameter] public ChannelSummary? Channel { get; set; }
    [Inject] public required NotificationChannelService Channels { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private string TargetLabel => _kind == ChannelKind.Webhook ? "Webhook URL" : "E-mail addresses";

    private string TargetHelp => _kind == ChannelKind.Webhook
        ? Channel is null
            ? "Each alert is POSTed here as signed JSON (see README → Notifications); 5xx, 408, 429 and timeouts are retried. Addresses on this host or its network are refused unless an Admin allows them."
            : "Credentials in the URL are shown as ***; keep them to leave them unchanged. Addresses on this host or its network are refused unless an Admin allows them."
        : $"Up to {ChannelRules.MaxAddresses} addresses separated by commas; sent through the SMTP server in appsettings.json (Notifications:Smtp).";

    protected override void OnInitialized()
    {
        if (Channel is { } channel)
        {
            (_name, _kind, _target, _severity, _enabled) = (channel.Name, channel.Kind, channel.Target, channel.MinimumSeverity, channel.Enabled);
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Text(string field) => _errors.GetValueOrDefault(field);

    private void OnNameChanged(string? value)
    {
        _name = value;
        Recheck("name", ChannelRules.NameError(value));
    }

    private void OnKindChanged(ChannelKind kind)
    {
        _kind = kind;
        _errors.Remove("kind");
        Recheck("target", string.IsNullOrWhiteSpace(_target) ? null : Channels.TargetError(kind, _target));
    }

    private void OnTargetChanged(string? value)
    {
        _target = value;
        Recheck("target", Channels.TargetError(_kind, value));
    }

    /// <summary>Once a field has shown an error, it follows the input until the error is fixed.</summary>
    private void Recheck(string field, string? error)
    {
        if (!_errors.ContainsKey(field))
            return;
        if (error is null)
            _errors.Remove(field);
        else
            _errors[field] = error;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _otherError = null;
        try
        {
            var request = new ChannelRequest(_name, _kind, _target, _severity, _enabled);
            var saved = Channel is null
                ? await Channels.CreateAsync(ProductId, request, Actors.Ui, CancellationToken.None)
                : await Channels.UpdateAsync(ProductId, Channel.Id, request, Actors.Ui, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (InputValidationException ex)
        {
            _errors = ex.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.OrdinalIgnoreCase);
        }
        catch (DashboardException ex)
        {
            _otherError = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();
}
