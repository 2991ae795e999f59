using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Access;

/// <summary>Creates, lists, checks and revokes API keys. A key is 256 random bits ("dpd_" + base64url), shown once;
/// only its SHA-256 and a short prefix are stored. Last use is recorded at most once a minute per key.</summary>
public sealed class ApiKeyService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, ILogger<ApiKeyService> logger)
{
    public const string KeyMarker = "dpd_";
    private const int PrefixLength = 12;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["A name is required."];
        else if (name.Length > 100)
            errors["name"] = ["The name is longer than 100 characters."];
        var role = DashboardRoles.Normalize(request.Role, DashboardRoles.KeyRoles);
        if (role is null)
            errors["role"] = [$"'{request.Role}' is not a role; use one of {string.Join(", ", DashboardRoles.KeyRoles)}."];
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? expires = request.Expires is { } day ? day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc) : null;
        if (expires <= now)
            errors["expires"] = [$"The expiry {request.Expires:yyyy-MM-dd} is not in the future."];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (name.Length > 0 && await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
            errors["name"] = [$"An API key named '{name}' already exists; revoke it or choose another name."];
        var products = request.ProductIds is { Count: > 0 } ids ? ids.Distinct().Order().ToList() : null;
        if (products is not null)
        {
            var known = await db.Products.Where(p => products.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            var unknown = products.Except(known).ToList();
            if (unknown.Count > 0)
                errors["products"] = [$"No data product has id {string.Join(", ", unknown)}."];
        }
        if (errors.Count > 0)
            throw new InputValidationException($"The API key is not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);

        var key = KeyMarker + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKey
        {
            Name = name, Prefix = key[..PrefixLength], Hash = HashOf(key), Role = role!, CreatedAt = now, CreatedBy = actor.Name, ExpiresAt = expires,
            ProductIds = products is null ? null : string.Join(',', products.Select(p => p.ToString(CultureInfo.InvariantCulture))),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API key {Name} ({Prefix}) created for role {Role} by {Actor}", entity.Name, entity.Prefix, entity.Role, actor.Name);
        return new CreatedApiKey(ToView(entity, now), key);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);
        return keys.Select(k => ToView(k, now)).ToList();
    }

    /// <summary>Revokes the key with this name; revoking twice is refused so a typo does not go unnoticed.</summary>
    public async Task<ApiKeyView> RevokeAsync(string name, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name.Trim(), ct) ?? throw new NotFoundException("API key", name);
        if (key.RevokedAt is not null)
            throw new ConflictException($"The API key '{key.Name}' was already revoked on {key.RevokedAt:yyyy-MM-dd HH:mm} UTC.");
        var now = clock.GetUtcNow().UtcDateTime;
        key.RevokedAt = now;
        key.RevokedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API key {Name} ({Prefix}) revoked by {Actor}", key.Name, key.Prefix, actor.Name);
        return ToView(key, now);
    }

    /// <summary>Checks a presented key: unknown, revoked and expired keys fail with a reason.</summary>
    public async Task<ApiKeyCheck> CheckAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(KeyMarker, StringComparison.Ordinal) || presented.Length > 200)
            return ApiKeyCheck.Invalid("The API key is not a dashboard key (they start with 'dpd_').");
        var hash = HashOf(presented);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null)
            return ApiKeyCheck.Invalid("The API key is unknown.");
        if (key.RevokedAt is not null)
            return ApiKeyCheck.Invalid($"The API key '{key.Name}' was revoked on {key.RevokedAt:yyyy-MM-dd HH:mm} UTC.");
        if (key.ExpiresAt <= now)
            return ApiKeyCheck.Invalid($"The API key '{key.Name}' expired on {key.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
            await TouchAsync(db, key.Id, now, ct);
        return ApiKeyCheck.Valid(ToView(key, now));
    }

    private async Task TouchAsync(DashboardDbContext db, int keyId, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        catch (Exception ex) when (Data.DatabaseErrors.IsStoreFailure(ex))
        {
            // Last use is informational (to the minute); a busy store must not fail the caller's request.
            logger.LogWarning(ex, "Could not record the last use of API key {KeyId}", keyId);
        }
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyView ToView(ApiKey k, DateTime now) => new()
    {
        Id = k.Id, Name = k.Name, Prefix = k.Prefix, Role = k.Role, CreatedAt = k.CreatedAt, CreatedBy = k.CreatedBy, ExpiresAt = k.ExpiresAt,
        LastUsedAt = k.LastUsedAt, RevokedAt = k.RevokedAt, RevokedBy = k.RevokedBy,
        ProductIds = k.ProductIds is null ? null : AccessClaims.ParseProductIds(k.ProductIds).Order().ToList(),
        State = k.RevokedAt is not null ? "Revoked" : k.ExpiresAt <= now ? "Expired" : "Active",
    };
}
