using DataProductDashboard.Configuration;
using Npgsql;

namespace DataProductDashboard.Data;

/// <summary>Short messages between the instances on one database. PostgreSQL carries them (LISTEN/NOTIFY, no further
/// server); a SQLite store has one instance, so it has no channel (<see cref="For"/> returns null).</summary>
public interface IInstanceChannel
{
    /// <summary>Sends <paramref name="payload"/> to every instance listening (this one included).</summary>
    Task SendAsync(string payload, CancellationToken ct);

    /// <summary>Calls <paramref name="received"/> with each message until cancelled; throws when the connection is lost
    /// (the caller listens again).</summary>
    Task ListenAsync(Action<string> received, CancellationToken ct);
}

public static class InstanceChannel
{
    /// <summary>The channel named <paramref name="name"/> on the configured store, or null when it has none.</summary>
    public static IInstanceChannel? For(DatabaseOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == DatabaseProvider.PostgreSql ? new PostgreSqlChannel(options.ConnectionString!, name) : null;
    }

    private sealed class PostgreSqlChannel(string connectionString, string name) : IInstanceChannel
    {
        // Listening holds a connection for as long as the app runs: one of its own, outside the pool the queries use.
        private readonly string _listenConnection = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;

        public async Task SendAsync(string payload, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", name);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task ListenAsync(Action<string> received, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(_listenConnection);
            await connection.OpenAsync(ct);
            connection.Notification += (_, e) => received(e.Payload);
            await using (var listen = new NpgsqlCommand($"LISTEN \"{name}\"", connection))
                await listen.ExecuteNonQueryAsync(ct);
            while (true)
                await connection.WaitAsync(ct);
        }
    }
}
