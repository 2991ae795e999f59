using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Arranges alerts straight in the database (no gate has to fail first): a builder with sensible defaults and
/// an insert through the app's own context factory.</summary>
public static class AlertRows
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Alert New(int productId, string title, GateSeverity severity = GateSeverity.Warning, AlertState state = AlertState.Open,
        int count = 1, DateTime? lastSeen = null, string? link = null, int? batchId = null, string? column = null, string? key = null)
    {
        var last = lastSeen ?? Now;
        var alert = new Alert
        {
            ProductId = productId, Kind = AlertKind.Gate, Key = key ?? $"test:{Guid.NewGuid():N}", Severity = severity, Title = title,
            Message = $"{title}: actual 0.731 < threshold 0.800", Link = link ?? $"/products/{productId}/drift?column=temp", BatchId = batchId,
            Column = column, State = state, Count = count, FirstSeenAt = last.AddHours(-count), LastSeenAt = last,
        };
        if (state != AlertState.Open)
        {
            alert.AcknowledgedBy = "carol";
            alert.AcknowledgedAt = last.AddMinutes(5);
        }
        if (state == AlertState.Resolved)
        {
            alert.ResolvedBy = "carol";
            alert.ResolvedAt = last.AddMinutes(10);
            alert.ResolutionNote = "fixed upstream";
        }
        return alert;
    }

    /// <summary>Stores the alerts; returns their ids in order.</summary>
    public static async Task<IReadOnlyList<int>> InsertAsync(IDbContextFactory<DashboardDbContext> factory, params Alert[] alerts)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync();
        return alerts.Select(a => a.Id).ToList();
    }

    public static async Task<Alert> ReadAsync(IDbContextFactory<DashboardDbContext> factory, int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }
}
