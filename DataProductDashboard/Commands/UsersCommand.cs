using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.Commands;

/// <summary>users add | list | roles | reset-password | remove, on <see cref="UserAdminService"/>.</summary>
public sealed class UsersCommand(IServiceProvider services, Actor actor, TextWriter output, TextWriter error)
{
    /// <summary>Each verb and the options it takes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Options = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["add"] = ["email", "role", "password"],
        ["list"] = [],
        ["roles"] = ["email", "role"],
        ["reset-password"] = ["email"],
        ["remove"] = ["email"],
    };

    private readonly UserAdminService _users = services.GetRequiredService<UserAdminService>();

    public Task<int> RunAsync(string verb, CommandArguments args, CancellationToken ct) => verb switch
    {
        "add" => AddAsync(args, ct),
        "list" => ListAsync(ct),
        "roles" => RolesAsync(args, ct),
        "reset-password" => ResetPasswordAsync(args, ct),
        "remove" => RemoveAsync(args, ct),
        _ => throw new CommandUsageException($"'users {verb}' is not a command."),
    };

    private async Task<int> AddAsync(CommandArguments args, CancellationToken ct)
    {
        var email = args.Required("email");
        var roles = args.Roles(DashboardRoles.UserRoles);
        var firstUser = !await _users.AnyAsync(ct);
        var added = await _users.AddAsync(email, roles, args.Value("password"), actor, ct);
        await output.WriteLineAsync($"Added user {added.User.Email} with the roles {string.Join(", ", added.User.Roles)}.");
        if (firstUser && !added.User.Roles.Contains(DashboardRoles.Admin))
            await error.WriteLineAsync("note: no user holds the Admin role, and the app creates its first Admin only while there are no users; add one with 'users add --role Admin'.");
        if (added.GeneratedPassword is { } password)
        {
            await output.WriteLineAsync("One-time password (shown only now; it must be replaced at the first sign-in):");
            await output.WriteLineAsync(password);
        }
        else
        {
            await output.WriteLineAsync("The user signs in with the given password.");
        }
        return 0;
    }

    private async Task<int> ListAsync(CancellationToken ct)
    {
        var users = await _users.ListAsync(ct);
        if (users.Count == 0)
        {
            await output.WriteLineAsync("No users yet: the app creates the first Admin at its first start, or add one with 'users add'.");
            return 0;
        }
        await TextTable.WriteAsync(output, ["EMAIL", "ROLES", "MUST CHANGE PASSWORD", "LOCKED OUT", "CREATED", "LAST SIGN-IN"],
            users.Select(u => (IReadOnlyList<string>)[u.Email, string.Join(",", u.Roles), YesNo(u.MustChangePassword), YesNo(u.LockedOut),
                TextTable.Time(u.CreatedAt), TextTable.Time(u.LastSignInAt)]));
        return 0;
    }

    private async Task<int> RolesAsync(CommandArguments args, CancellationToken ct)
    {
        var user = await _users.SetRolesAsync(args.Required("email"), args.Roles(DashboardRoles.UserRoles), actor, ct);
        await output.WriteLineAsync($"The roles of {user.Email} are now {string.Join(", ", user.Roles)}; open sessions pick them up within a minute.");
        return 0;
    }

    private async Task<int> ResetPasswordAsync(CommandArguments args, CancellationToken ct)
    {
        var email = args.Required("email");
        var password = await _users.ResetPasswordAsync(email, actor, ct);
        await output.WriteLineAsync($"The password of {email.Trim()} was reset (and a lockout ended).");
        await output.WriteLineAsync("One-time password (shown only now; it must be replaced at the next sign-in):");
        await output.WriteLineAsync(password);
        return 0;
    }

    private async Task<int> RemoveAsync(CommandArguments args, CancellationToken ct)
    {
        var email = args.Required("email");
        await _users.RemoveAsync(email, actor, ct);
        await output.WriteLineAsync($"Removed the user {email.Trim()}.");
        return 0;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
