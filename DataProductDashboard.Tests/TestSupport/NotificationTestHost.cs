using System.Globalization;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The dashboard's real services (core + notifications) over a fresh data folder, wired to a test webhook
/// receiver and SMTP sink: short webhook timeout and backoff, the sink's port, no TLS.</summary>
public sealed class NotificationTestHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://dashboard.example.test";

    /// <summary>The setting that lets webhooks reach the tests' own loopback <see cref="WebhookReceiver"/>; the shipped
    /// appsettings.json allows nothing.</summary>
    public const string AllowLoopbackKey = "Notifications:AllowedWebhookHosts:0";
    public const string Loopback = "127.0.0.1";
    private readonly ServiceProvider _provider;

    private NotificationTestHost(ServiceProvider provider) => _provider = provider;

    public static async Task<NotificationTestHost> CreateAsync(int smtpPort, double webhookTimeoutSeconds = 2, int webhookMaxAttempts = 3)
    {
        var root = await UiTestData.CreateEmptyAsync();
        var services = new ServiceCollection();
        UiTestData.AddDashboard(services, root, Settings(smtpPort, webhookTimeoutSeconds, webhookMaxAttempts));
        return new NotificationTestHost(services.BuildServiceProvider());
    }

    /// <summary>Settings that point notifications at local test servers (webhooks to 127.0.0.1 allowed).</summary>
    public static Dictionary<string, string?> Settings(int smtpPort, double webhookTimeoutSeconds = 2, int webhookMaxAttempts = 3) => new()
    {
        [AllowLoopbackKey] = Loopback,
        ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
        ["Notifications:WebhookTimeoutSeconds"] = webhookTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ["Notifications:WebhookMaxAttempts"] = webhookMaxAttempts.ToString(CultureInfo.InvariantCulture),
        ["Notifications:WebhookBackoffSeconds"] = "0.01",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "Auto",
        ["Notifications:Smtp:From"] = "dashboard@example.test",
        ["Notifications:Smtp:TimeoutSeconds"] = "10",
    };

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public IServiceProvider Services => _provider;

    public NotificationChannelService Channels => Get<NotificationChannelService>();

    public async Task<int> CreateProductAsync(string name = "Bike rental demand")
    {
        var product = await Get<ProductService>().CreateAsync(new CreateProductRequest(name, "notification tests", "tests", TaskType.Regression,
            UiTestData.RentalsSchema), CancellationToken.None);
        return product.Id;
    }

    /// <summary>Raises an alert the way an import does (without queueing it) and returns it.</summary>
    public async Task<Alert> RaiseAlertAsync(int productId, GateSeverity severity, string title = "Missing share of 'hum' 0.083 > threshold 0.000",
        string link = "/products/1/quality?column=hum")
    {
        var factory = Get<IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var at = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
        var (alert, _) = await Get<AlertService>().RaiseAsync(db, new AlertSignal(productId, AlertKind.Gate, $"gate:{Guid.NewGuid():N}", severity, title,
            "Column 'hum' has 8.3 % missing values in the latest batch.", link, at, Column: "hum"), repeat: false, CancellationToken.None);
        await db.SaveChangesAsync();
        return alert;
    }

    public async Task<List<NotificationDelivery>> DeliveriesAsync()
    {
        var factory = Get<IDbContextFactory<DataProductDashboard.Data.DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
