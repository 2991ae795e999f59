using DataProductDashboard.Domain;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.Commands;

/// <summary>The "users" and "apikeys" command-line verbs: manage access without the UI, on the app's own services.
/// Output goes to <c>output</c> (a created key or one-time password alone on its last line), errors to <c>error</c>;
/// exit code 0 done, 1 refused by the service, 2 usage error.</summary>
public static class AccessCommand
{
    public const int Refused = 1;
    public const int Usage = 2;

    public static bool Handles(string[] args) => args is ["users" or "apikeys", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var (verb, options) = args switch
            {
                ["users", var v, .. var rest] when UsersCommand.Options.ContainsKey(v) => ($"users {v}", CommandArguments.Parse(rest, UsersCommand.Options[v])),
                ["apikeys", var v, .. var rest] when ApiKeysCommand.Options.ContainsKey(v) => ($"apikeys {v}", CommandArguments.Parse(rest, ApiKeysCommand.Options[v])),
                [_, "--help" or "-h" or "help", ..] or ["help" or "--help" or "-h", ..] => ("help", CommandArguments.Parse([], [])),
                [var area, var v, ..] => throw new CommandUsageException($"'{area} {v}' is not a command."),
                _ => throw new CommandUsageException("Say what to do, e.g. 'users list'."),
            };
            if (verb == "help" || options.Help)
            {
                await output.WriteLineAsync(AccessUsage.Text);
                return 0;
            }
            await using var host = await CommandHost.StartAsync(options.Settings, ct);
            var actor = new Actor("cli:" + Environment.UserName);
            return verb.StartsWith("users ", StringComparison.Ordinal)
                ? await new UsersCommand(host.Services, actor, output, error).RunAsync(verb["users ".Length..], options, ct)
                : await new ApiKeysCommand(host.Services, actor, output).RunAsync(verb["apikeys ".Length..], options, ct);
        }
        catch (CommandUsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync("Run with --help for the usage.");
            return Usage;
        }
        catch (InputValidationException ex)
        {
            foreach (var message in ex.Errors.SelectMany(e => e.Value).Distinct())
                await error.WriteLineAsync($"error: {message}");
            return Refused;
        }
        catch (DashboardException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return Refused;
        }
    }
}
