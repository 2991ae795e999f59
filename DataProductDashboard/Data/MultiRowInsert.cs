using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataProductDashboard.Data;

/// <summary>Inserts rows of an entity with multi-row INSERT statements inside the caller's transaction (if any),
/// where EF Core's change tracker sends one INSERT per row: an import writes a hundred metric points or more and its
/// arm statistics. Column names come from the EF model, values go as parameters, so the SQL is the provider's own.</summary>
public static class MultiRowInsert
{
    private const int MaxParametersPerStatement = 1800;

    /// <summary>A column: the entity's property and how to read it from a row.</summary>
    public sealed record Column<T>(string Property, Func<T, object?> Value);

    public static async Task InsertAsync<T>(DashboardDbContext db, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ",
            columns.Select(c => sql.DelimitIdentifier((entity.FindProperty(c.Property) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {c.Property}."))
                .GetColumnName(table)!)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.Count);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            for (var from = 0; from < rows.Count; from += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - from);
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var text = new StringBuilder(head);
                for (var i = 0; i < count; i++)
                {
                    var row = rows[from + i];
                    text.Append(i == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = sql.GenerateParameterName($"p{command.Parameters.Count}");
                        parameter.Value = Value(columns[c].Value(row)) ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                        text.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
                    }
                    text.Append(')');
                }
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Times are stored as UTC, as the model's converter does.</summary>
    private static object? Value(object? value) => value is DateTime { Kind: not DateTimeKind.Utc } at ? at.ToUniversalTime() : value;
}
