using System.Globalization;
using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Raises a missing-batch alert for every product with an expected cadence whose newest batch is older than
/// <see cref="DashboardOptions.MissingBatchAfterCadences"/> cadences, and clears it when a batch arrives. Run by
/// <see cref="TimelinessService"/> on a timer of the app's <see cref="TimeProvider"/>.</summary>
public sealed class TimelinessMonitor(
    IDbContextFactory<DashboardDbContext> dbFactory,
    AlertService alerts,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<TimelinessMonitor> logger)
{
    /// <summary>Checks every product once; returns how many missing-batch alerts were raised or updated.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.ExpectedCadenceHours != null && p.ArchivedAt == null)
            .Select(p => new
            {
                p.Id, p.Name, Cadence = p.ExpectedCadenceHours!.Value, p.CreatedAt,
                Last = p.Batches.Where(b => b.Status == BatchStatus.Analyzed).Max(b => (DateTime?)b.ReceivedAt),
            }).ToListAsync(ct);
        var raised = new List<Alert>();
        var touched = 0;
        foreach (var p in products)
        {
            var since = p.Last ?? p.CreatedAt;
            var overdue = now - since;
            if (overdue.TotalHours <= p.Cadence * options.Value.MissingBatchAfterCadences)
                continue;
            var what = p.Last is null ? "No batch has arrived since the product was created" : $"No batch since {since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
            var signal = new AlertSignal(p.Id, AlertKind.MissingBatch, AlertKeys.MissingBatch, GateSeverity.Warning,
                $"Missing batch: {p.Name}", $"{what}: {Hours(overdue.TotalHours)} without data, expected every {Hours(p.Cadence)}.",
                $"/products/{p.Id}/batches", now);
            var (alert, notify) = await alerts.RaiseAsync(db, signal, repeat: true, ct);
            if (notify)
                raised.Add(alert);
            touched++;
        }
        await db.SaveChangesAsync(ct);
        foreach (var productId in raised.Select(a => a.ProductId).Distinct())
            alerts.AfterSave(productId, raised.Where(a => a.ProductId == productId));
        if (touched > 0)
            logger.LogInformation("Timeliness check: {Count} products are missing a batch", touched);
        return touched;
    }

    /// <summary>A batch arrived: the product's missing-batch alert, if any, is resolved.</summary>
    public async Task BatchArrivedAsync(int productId, int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Number).FirstOrDefaultAsync(ct);
        if (await alerts.ClearAsync(db, productId, AlertKeys.MissingBatch, $"Batch {BatchLabel.Of(number)} arrived.", ct))
        {
            await db.SaveChangesAsync(ct);
            alerts.AfterSave(productId, []);
        }
    }

    /// <summary>"36 h", "3.5 days", "2.1 years".</summary>
    public static string Hours(double hours) => hours switch
    {
        < 48 => hours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        < 24 * 365 => (hours / 24).ToString("0.#", CultureInfo.InvariantCulture) + " days",
        _ => (hours / 24 / 365.25).ToString("0.#", CultureInfo.InvariantCulture) + " years",
    };
}
