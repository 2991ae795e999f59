using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Idempotency;

/// <summary>Remembers the first answer to each (caller and route, Idempotency-Key) for
/// <see cref="DashboardOptions.IdempotencyKeyHours"/>: a retry with the same request gets that answer again and does
/// no new work; the same key with a different request is refused (422), as is a retry while the first is still
/// running (409). A request that fails leaves nothing behind, so it may be retried with the same key.</summary>
public sealed class IdempotencyStore(IDbContextFactory<DashboardDbContext> dbFactory, IOptions<DashboardOptions> options, TimeProvider clock)
{
    public const int MaxKeyLength = 200;

    /// <summary>Claims the key for this request; returns the stored answer when the same request already completed.</summary>
    public async Task<StoredAnswer?> BeginAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - TimeSpan.FromHours(options.Value.IdempotencyKeyHours);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex))
        {
            db.ChangeTracker.Clear();
        }
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct)
            ?? throw new IdempotencyConflictException($"A request with Idempotency-Key '{key}' just ended; send it again.", 409);
        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
            throw new IdempotencyConflictException(
                $"Idempotency-Key '{key}' was used at {existing.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC for a different request (another file, fields or address); use a new key for a new request.", 422);
        if (existing.StatusCode == 0)
            throw new IdempotencyConflictException($"The first request with Idempotency-Key '{key}' is still being processed; ask again when it has answered.", 409);
        return new StoredAnswer(existing.StatusCode, existing.Location, existing.ResponseJson ?? "null");
    }

    /// <summary>Keeps the answer of a request that succeeded.</summary>
    public async Task CompleteAsync(string scope, string key, StoredAnswer answer)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, answer.StatusCode).SetProperty(r => r.Location, answer.Location)
            .SetProperty(r => r.ResponseJson, answer.Json), CancellationToken.None);
    }

    /// <summary>The request failed: the key is free again.</summary>
    public async Task ReleaseAsync(string scope, string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(CancellationToken.None);
    }
}
