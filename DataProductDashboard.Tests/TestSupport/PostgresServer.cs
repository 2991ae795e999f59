using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DataProductDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The PostgreSQL server of a test run: the one named by <c>DPD_TEST_POSTGRES</c> (an admin connection string),
/// else a throwaway cluster that this process makes with Debian's server binaries (<c>/usr/lib/postgresql/N/bin</c>,
/// installed by test.sh): a temp folder, a random password, loopback only, no fsync, stopped and removed when the
/// process exits. Each store is a database of its own, cloned from a migrated template.</summary>
public static class PostgresServer
{
    private const string TemplateName = "dpd_template";
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<bool> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>An admin connection string to the server's maintenance database.</summary>
    public static string AdminConnectionString => Admin.Value;

    /// <summary>A new empty database with every PostgreSQL migration applied; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        _ = Template.Value;
        var name = $"dpd_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return ConnectionString(name);
    }

    /// <summary>Closes the pooled connections to a database made by <see cref="CreateDatabase"/> and drops it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The connection string of database <paramref name="name"/> on the server.</summary>
    public static string ConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static bool BuildTemplate()
    {
        Execute($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{TemplateName}\"");
        var connectionString = ConnectionString(TemplateName);
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).Options;
        using (var db = new PostgreSqlDashboardDbContext(options))
            db.Database.Migrate();
        // A template must have no open connection while a database is cloned from it.
        using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        return true;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("DPD_TEST_POSTGRES") is { Length: > 0 } given)
            return given;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                "The PostgreSQL tests need Debian's PostgreSQL server (apt-get install postgresql; ./test.sh installs it) or DPD_TEST_POSTGRES set to an admin connection string.");

        var folder = Path.Combine(Path.GetTempPath(), $"dpd-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(folder, "password");
        File.WriteAllText(passwordFile, password);
        var data = Path.Combine(folder, "data");
        // PostgreSQL refuses to run as root: the cluster then belongs to the postgres account.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", ["-R", "postgres:postgres", folder]);
        const string user = "dpd_tests";
        RunServer(bin, asRoot, "initdb", ["-D", data, "-U", user, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        File.Delete(passwordFile);
        var port = FreePort();
        var settings = $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
        RunServer(bin, asRoot, "pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                RunServer(bin, asRoot, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The temp cleaner takes what is left.
            }
        };
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = user, Password = password, Database = "postgres",
            // Test apps come and go by the hundred: idle connections are closed soon, not kept for five minutes.
            ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5,
        }.ConnectionString;
    }

    private static void RunServer(string bin, bool asRoot, string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(bin, program);
        if (asRoot)
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else
            Run(path, arguments);
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in 90 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
