using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Access;

/// <summary>On a first start without users: creates the <c>admin</c> account with a random one-time password, prints it
/// once to the console and writes it to <c>data/initial-admin-password</c> (readable by the owner only). The file goes
/// away once the password is changed.</summary>
public sealed class InitialAdmin(UserAdminService users, IOptions<DashboardOptions> options, ILogger<InitialAdmin> logger)
{
    public const string UserName = "admin";
    public const string FileName = "initial-admin-password";

    public string PasswordFile => Path.Combine(options.Value.DataPath, FileName);

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (await users.AnyAsync(ct))
            return;
        var added = await users.AddAsync(UserName, [DashboardRoles.Admin], password: null, Actor.System, ct);
        var password = added.GeneratedPassword!;
        await WriteOwnerOnlyAsync(PasswordFile, password + Environment.NewLine, ct);
        // Printed, not logged: the password must not end up in log sinks; the file keeps it until it is changed.
        Console.WriteLine();
        Console.WriteLine($"  First start: sign in as '{UserName}' with the one-time password  {password}");
        Console.WriteLine($"  (also in {PasswordFile}; you choose a new password at the first sign-in)");
        Console.WriteLine();
        logger.LogInformation("Created the first Admin '{User}'; its one-time password is in {File}", UserName, PasswordFile);
    }

    /// <summary>Called after the admin replaced the one-time password.</summary>
    public void Forget()
    {
        if (File.Exists(PasswordFile))
            File.Delete(PasswordFile);
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.Delete(path);
        await using var stream = new FileStream(path, file);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
