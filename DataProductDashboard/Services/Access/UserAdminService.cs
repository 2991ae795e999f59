using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Access;

/// <summary>Users and their roles on ASP.NET Core Identity's <see cref="UserManager{TUser}"/>, one scope per operation
/// (the Admin page, the `users` command-line verbs and the first start share it). The last Admin cannot be removed
/// or lose the role.</summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<UserView>(all.Count);
        foreach (var user in all)
            result.Add(await ViewAsync(users, user));
        return result;
    }

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>().Users.AnyAsync(ct);
    }

    /// <summary>Adds a user. Without <paramref name="password"/> a one-time password is generated and must be replaced at
    /// the first sign-in; with one, the user signs in with it directly.</summary>
    public async Task<AddedUser> AddAsync(string email, IReadOnlyList<string> roles, string? password, Actor actor, CancellationToken ct)
    {
        var canonical = CanonicalRoles(roles);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new InputValidationException("email", "An e-mail address (the sign-in name) is required.");
        if (await users.FindByNameAsync(trimmed) is not null)
            throw new InputValidationException("email", $"A user '{trimmed}' already exists.");
        var generated = string.IsNullOrEmpty(password) ? PasswordGenerator.Create() : null;
        await using var transaction = await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().Database.BeginTransactionAsync(ct);
        var user = new DashboardUser
        {
            UserName = trimmed, Email = trimmed, EmailConfirmed = true, MustChangePassword = generated is not null,
            CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, generated ?? password!), "password");
        Check(await users.AddToRolesAsync(user, canonical), "role");
        await transaction.CommitAsync(ct);
        logger.LogInformation("User {Email} added with roles {Roles} by {Actor}", trimmed, string.Join(",", canonical), actor.Name);
        return new AddedUser(await ViewAsync(users, user), generated);
    }

    public async Task<UserView> SetRolesAsync(string email, IReadOnlyList<string> roles, Actor actor, CancellationToken ct)
    {
        var canonical = CanonicalRoles(roles);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await FindAsync(users, email);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(DashboardRoles.Admin) && !canonical.Contains(DashboardRoles.Admin))
            await EnsureAnotherAdminAsync(users, user, "take the Admin role from");
        await using var transaction = await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().Database.BeginTransactionAsync(ct);
        Check(await users.RemoveFromRolesAsync(user, current.Except(canonical)), "role");
        Check(await users.AddToRolesAsync(user, canonical.Except(current)), "role");
        // A changed security stamp signs the user's open sessions out at their next validation, so the new roles apply.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Roles of {Email} set to {Roles} by {Actor}", user.Email, string.Join(",", canonical), actor.Name);
        return await ViewAsync(users, user);
    }

    public async Task RemoveAsync(string email, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await FindAsync(users, email);
        if (await users.IsInRoleAsync(user, DashboardRoles.Admin))
            await EnsureAnotherAdminAsync(users, user, "remove");
        Check(await users.DeleteAsync(user), "email");
        logger.LogInformation("User {Email} removed by {Actor}", user.Email, actor.Name);
    }

    /// <summary>Replaces a user's password with a generated one-time password (shown once) and ends the lockout.</summary>
    public async Task<string> ResetPasswordAsync(string email, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await FindAsync(users, email);
        var password = PasswordGenerator.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "password");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user), "email");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Password of {Email} reset by {Actor}", user.Email, actor.Name);
        return password;
    }

    private static async Task<DashboardUser> FindAsync(UserManager<DashboardUser> users, string email) =>
        await users.FindByNameAsync(email.Trim()) ?? throw new NotFoundException("User", email.Trim());

    private static async Task EnsureAnotherAdminAsync(UserManager<DashboardUser> users, DashboardUser user, string verb)
    {
        var admins = await users.GetUsersInRoleAsync(DashboardRoles.Admin);
        if (admins.All(a => a.Id == user.Id))
            throw new ConflictException($"Cannot {verb} {user.Email}: it is the only Admin. Give another user the Admin role first.");
    }

    private static List<string> CanonicalRoles(IReadOnlyList<string> roles)
    {
        var canonical = new List<string>();
        foreach (var role in roles)
        {
            var name = DashboardRoles.Normalize(role, DashboardRoles.UserRoles)
                ?? throw new InputValidationException("role", $"'{role}' is not a user role; use one of {string.Join(", ", DashboardRoles.UserRoles)}.");
            if (!canonical.Contains(name))
                canonical.Add(name);
        }
        if (canonical.Count == 0)
            throw new InputValidationException("role", $"A user needs at least one role: {string.Join(", ", DashboardRoles.UserRoles)}.");
        return canonical;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new InputValidationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<UserView> ViewAsync(UserManager<DashboardUser> users, DashboardUser user) => new()
    {
        Id = user.Id, Email = user.Email ?? user.UserName ?? "", Roles = (await users.GetRolesAsync(user)).Order().ToList(),
        MustChangePassword = user.MustChangePassword, CreatedAt = user.CreatedAt, LastSignInAt = user.LastSignInAt,
        LockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow(),
    };
}
