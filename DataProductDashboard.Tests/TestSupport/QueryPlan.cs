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
}
