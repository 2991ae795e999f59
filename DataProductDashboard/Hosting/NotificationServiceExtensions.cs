using DataProductDashboard.Configuration;
using DataProductDashboard.Services.Notifications;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting;

/// <summary>Webhook and e-mail notifications: options, senders, the channel service and the outbox dispatcher.</summary>
public static class NotificationServiceExtensions
{
    public static IServiceCollection AddDashboardNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, WebhookHostsValidator>();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<PublicBaseUrl>();
        // The typed client lives in singletons, so connections are recycled by the handler (DNS changes are picked
        // up) instead of by the factory. Timeouts are per attempt (WebhookSender); the guard's handler checks every
        // address it connects to, follows no redirects and uses no proxy.
        services.AddHttpClient<WebhookSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookTargetGuard>().CreateHandler())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ChannelSender>();
        services.AddSingleton<NotificationChannelService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
