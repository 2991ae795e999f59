using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>Takes, renews and gives back a <see cref="Entities.BackgroundLease"/> in one statement each: an insert that,
/// on the name's conflict, takes the row over only when it ran out or is already the caller's. The same SQL runs on
/// SQLite (3.24 and later) and PostgreSQL, and each provider makes one statement atomic, so two instances never both
/// hold a lease.</summary>
public static class BackgroundLeases
{
    /// <summary>True when <paramref name="owner"/> holds lease <paramref name="name"/> until <paramref name="now"/> +
    /// <paramref name="duration"/> (taken, or renewed), false while another owner's lease runs.</summary>
    public static async Task<bool> TryAcquireAsync(DashboardDbContext db, string name, string owner, DateTime now, TimeSpan duration, CancellationToken ct)
    {
        // Times as the model stores them (UTC, whole microseconds): compared with the stored ones in SQL.
        var at = Stored(now);
        var expires = Stored(now + duration);
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "BackgroundLeases" ("Name", "Owner", "ExpiresAt") VALUES ({name}, {owner}, {expires})
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "BackgroundLeases"."Owner" = excluded."Owner" OR "BackgroundLeases"."ExpiresAt" < {at}
            """, ct);
        return changed == 1;
    }

    /// <summary>Gives the lease back (a clean stop), so another instance need not wait for it to run out.</summary>
    public static Task ReleaseAsync(DashboardDbContext db, string name, string owner, CancellationToken ct) =>
        db.Set<Entities.BackgroundLease>().Where(l => l.Name == name && l.Owner == owner).ExecuteDeleteAsync(ct);

    private static DateTime Stored(DateTime value) => (DateTime)new UtcDateTimeConverter().ConvertToProvider(value)!;
}
