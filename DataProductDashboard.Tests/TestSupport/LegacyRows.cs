using Microsoft.Data.Sqlite;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Rows written into a store migrated only part of the way, by plain SQL: the current EF model has columns a
/// later migration adds, so it cannot insert there. Every required column is filled (text "x", numbers 0) unless given.</summary>
public static class LegacyRows
{
    /// <summary>Inserts one row into <paramref name="table"/>; returns its rowid.</summary>
    public static async Task<long> InsertAsync(string connectionString, string table, IReadOnlyDictionary<string, object?> values)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Name, string Type)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') WHERE (\"notnull\" = 1 AND dflt_value IS NULL AND pk = 0)";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        var names = columns.Select(c => c.Name).Union(values.Keys).ToList();
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))}); SELECT last_insert_rowid();";
        for (var i = 0; i < names.Count; i++)
        {
            var type = columns.FirstOrDefault(c => c.Name == names[i]).Type;
            var value = values.TryGetValue(names[i], out var given) ? given : type == "TEXT" ? "x" : 0;
            insert.Parameters.AddWithValue($"$p{i}", value ?? DBNull.Value);
        }
        return (long)(await insert.ExecuteScalarAsync())!;
    }
}
