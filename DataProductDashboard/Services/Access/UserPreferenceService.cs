using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Access;

/// <summary>What a signed-in user chose for themselves (the colour scheme), stored on their user row so it follows them
/// to every browser.</summary>
public sealed class UserPreferenceService(IDbContextFactory<DashboardDbContext> contexts, ILogger<UserPreferenceService> logger)
{
    /// <summary>The user's colour scheme; <see cref="ThemeMode.System"/> for an unknown user (an API key, a removed user).</summary>
    public async Task<ThemeMode> GetThemeAsync(string? userName, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userName))
            return ThemeMode.System;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var themes = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Theme).ToListAsync(ct);
        return themes.Count == 1 ? themes[0] : ThemeMode.System;
    }

    public async Task SetThemeAsync(string userName, ThemeMode theme, CancellationToken ct)
    {
        if (!Enum.IsDefined(theme))
            throw new InputValidationException("theme", $"'{theme}' is not a colour scheme: use System, Light or Dark.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.Theme, theme), ct);
        if (changed == 0)
            throw new NotFoundException($"No user '{userName}'.");
        logger.LogInformation("User {UserName} chose the {Theme} colour scheme", userName, theme);
    }
}
