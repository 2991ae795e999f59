using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>On PostgreSQL, instances starting at once apply the migrations one at a time: each holds a session-level
/// advisory lock on the context's connection (kept open) while it creates the history table and migrates, so the
/// second finds the first one's work done instead of creating the same tables (42P07). SQLite needs none: one
/// instance owns its file, and EF Core locks its migrations there itself.</summary>
public static class MigrationLock
{
    /// <summary>The advisory lock's key: any fixed 64-bit number the app owns ("DPD-MIGR").</summary>
    public const long Key = 0x4450_442D_4D49_4752;

    public static async Task<IAsyncDisposable> HoldAsync(DashboardDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return NotHeld.Instance;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", ct);
        return new Held(db);
    }

    private sealed class Held(DashboardDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class NotHeld : IAsyncDisposable
    {
        public static readonly NotHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
