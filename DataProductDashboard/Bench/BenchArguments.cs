using System.Globalization;

namespace DataProductDashboard.Bench;

/// <summary>"--name value" pairs of a bench verb.</summary>
public sealed class BenchArguments(string[] args)
{
    public int Int(string name, int fallback) =>
        Value(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Value(name) ?? fallback;

    private string? Value(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
