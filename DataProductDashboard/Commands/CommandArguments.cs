using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Commands;

/// <summary>The arguments of an access verb: "--name value" options (some repeatable), "--help", and settings in the
/// shape the app's configuration reads (<c>Section:Key=value</c> or <c>--Section:Key value</c>), which go to the
/// configuration untouched. Anything else is a usage error that names the argument.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CommandArguments(IReadOnlyList<string> settings, bool help)
    {
        Settings = settings;
        Help = help;
    }

    /// <summary>Configuration arguments for <see cref="Hosting.DashboardServiceExtensions.AddRootSettings"/>.</summary>
    public IReadOnlyList<string> Settings { get; }

    public bool Help { get; }

    /// <param name="allowed">The options the verb knows, without the leading "--".</param>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed)
    {
        var settings = new List<string>();
        var help = false;
        var options = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
            }
            else if (IsSetting(arg))
            {
                settings.Add(arg);
                if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal))
                    settings.Add(i + 1 < args.Count ? args[++i] : throw new CommandUsageException($"The setting {arg} needs a value."));
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && allowed.Contains(arg[2..]))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new CommandUsageException($"The option {arg} needs a value.");
                options.Add((arg[2..], args[++i]));
            }
            else
            {
                throw new CommandUsageException($"Unknown argument '{arg}'.");
            }
        }
        var parsed = new CommandArguments(settings, help);
        foreach (var (name, value) in options)
        {
            if (!parsed._options.TryGetValue(name, out var values))
                parsed._options[name] = values = [];
            values.Add(value);
        }
        return parsed;
    }

    /// <summary>The value of a single-valued option; null when absent (unless required).</summary>
    public string? Value(string name, bool required = false)
    {
        if (!_options.TryGetValue(name, out var values))
            return required ? throw new CommandUsageException($"The option --{name} is required.") : null;
        return values.Count == 1 ? values[0] : throw new CommandUsageException($"The option --{name} is given {values.Count} times; give it once.");
    }

    public string Required(string name) => Value(name, required: true)!;

    /// <summary>The roles of every --role, in their canonical spelling; at least one.</summary>
    public IReadOnlyList<string> Roles(IReadOnlyList<string> allowed)
    {
        if (!_options.TryGetValue("role", out var values))
            throw new CommandUsageException($"The option --role is required (one of {string.Join(", ", allowed)}).");
        return values.Select(v => DashboardRoles.Normalize(v, allowed)
                ?? throw new CommandUsageException($"'{v}' is not a role; use one of {string.Join(", ", allowed)}.")).ToList();
    }

    /// <summary>"--products 1,2" as product ids, or null when absent.</summary>
    public IReadOnlyList<int>? ProductIds()
    {
        if (Value("products") is not { } text)
            return null;
        var ids = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw new CommandUsageException($"--products '{text}': '{part}' is not a product id; give ids separated by commas, e.g. --products 1,2.");
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>"--expires YYYY-MM-DD", or null when absent.</summary>
    public DateOnly? Date(string name)
    {
        if (Value(name) is not { } text)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CommandUsageException($"--{name} '{text}' is not a date; use YYYY-MM-DD, e.g. --{name} 2027-06-30.");
    }

    private static bool IsSetting(string arg)
    {
        var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg;
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        var key = equals >= 0 ? name[..equals] : name;
        return key.Contains(':', StringComparison.Ordinal) && (equals >= 0 || arg.StartsWith("--", StringComparison.Ordinal));
    }
}
