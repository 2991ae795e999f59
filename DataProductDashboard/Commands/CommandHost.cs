using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Commands;

/// <summary>The app's services, composed as the app composes them (root settings, core, access) but without the web
/// server or any hosted service, over a store migrated to the committed migrations. SQLite runs in WAL mode, so the
/// verbs work while the app is running on the same store.</summary>
public sealed class CommandHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CommandHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration arguments (<c>Dashboard:DataDirectory=/srv/dpd</c>); environment variables
    /// and the root appsettings.json are read as the app reads them.</param>
    public static async Task<CommandHost> StartAsync(IReadOnlyList<string> settings, CancellationToken ct)
    {
        var args = settings.ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddRootSettings(args);
        // A command's output is its result (a script reads the key off the last line): logs go to stderr, warnings only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.AddDashboardCore();
        builder.Services.AddDashboardAccess();
        builder.Services.RemoveAll<IHostedService>();
        var app = builder.Build();
        var host = new CommandHost(app);
        try
        {
            var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            Directory.CreateDirectory(options.DataPath);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
