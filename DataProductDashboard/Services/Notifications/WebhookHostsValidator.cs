using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Notifications;

/// <summary>Checks Notifications:AllowedWebhookHosts on start: every entry a host name, an IP address or a CIDR range.</summary>
public sealed class WebhookHostsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = options.AllowedWebhookHosts.Select(WebhookAllowList.EntryError).OfType<string>()
            .Select(e => $"{NotificationOptions.SectionName}:{nameof(NotificationOptions.AllowedWebhookHosts)}: {e}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
