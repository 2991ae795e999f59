using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The whole app on a temp data folder (SQLite file, model zips, batch files), with settings overridden.</summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string?> _settings;

    /// <param name="settings">Extra or overriding settings, e.g. "Notifications:WebhookBackoffSeconds".</param>
    public DashboardAppFactory(bool seedDemo = false, int backgroundBatchRows = 100_000, int maxUploadMegabytes = 256,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new()
        {
            ["Dashboard:DataDirectory"] = _temp.Path,
            ["Dashboard:SeedDemo"] = seedDemo.ToString(),
            ["Dashboard:BackgroundBatchRows"] = backgroundBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dashboard:MaxUploadMegabytes"] = maxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public string DataPath => _temp.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _temp.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
    }
}
