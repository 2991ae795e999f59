namespace DataProductDashboard.Commands;

/// <summary>A first argument that is neither a command nor a setting (<c>--key value</c>, <c>key=value</c>) is a typo of
/// a command: it is refused with exit code 2 instead of starting the dashboard with the wrong data directory.</summary>
public static class UnknownCommand
{
    public static readonly IReadOnlyList<string> Verbs = ["bench", "users", "apikeys"];

    /// <summary>The message for <paramref name="args"/> when their first word is an unknown command; null otherwise.</summary>
    public static string? Check(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal) || Verbs.Contains(args[0]))
            return null;
        return $"'{args[0]}' is not a command. Commands: {string.Join(", ", Verbs)} (e.g. 'apikeys create --name ci --role Ingest'); without a command the dashboard starts.";
    }
}
