using DataProductDashboard.Configuration;
using DataProductDashboard.Services.Notifications;

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
        // The typed client lives in singletons, so connections are recycled by the handler (DNS changes are picked
        // up) instead of by the factory. Timeouts are per attempt (WebhookSender); redirects are not followed.
        services.AddHttpClient<WebhookSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AllowAutoRedirect = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ChannelSender>();
        services.AddSingleton<NotificationChannelService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
