using System.Globalization;
using DataProductDashboard.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DataProductDashboard.Bench;

/// <summary>The real web app for a bench verb: composed as Program.cs composes it, on a free loopback port, a data
/// folder of its own, the demo off and quiet logs; stopped and its folder deleted at the end.</summary>
public static class BenchApp
{
    /// <summary>Builds (does not start) the app. <paramref name="settings"/> are more "Section:Key=value" settings.</summary>
    public static WebApplication Build(string dataDir, string logLevel, params IEnumerable<string> settings)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Dashboard:DataDirectory={dataDir}",
            "--Dashboard:SeedDemo=false",
            $"--Logging:LogLevel:Default={logLevel}",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            .. settings.Select(s => "--" + s),
        ];
        return DashboardApp.Build(args);
    }

    /// <summary>"Dashboard:MaxUploadMegabytes=N": the setting that lets uploads of <paramref name="megabytes"/> through.</summary>
    public static string MaxUploadSetting(int megabytes) =>
        $"Dashboard:MaxUploadMegabytes={megabytes.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The address the started app listens on, e.g. "http://127.0.0.1:41234".</summary>
    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Stops the app, closes its pooled SQLite connections and deletes its data folder.</summary>
    public static async Task StopAndDeleteAsync(WebApplication app, string dataDir)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
