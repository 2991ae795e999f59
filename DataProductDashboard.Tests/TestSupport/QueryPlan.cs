using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>SQLite's plan for an EF Core query (EXPLAIN QUERY PLAN), one step per line, on an open connection.</summary>
internal static class QueryPlan
{
    public static async Task<IReadOnlyList<string>> OfAsync<T>(IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }

    /// <summary>The plan of a raw SQL statement (positional parameters left unbound: the plan does not depend on them).</summary>
    public static async Task<IReadOnlyList<string>> OfSqlAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}
