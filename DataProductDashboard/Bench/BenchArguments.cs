using System.Globalization;

namespace DataProductDashboard.Bench;

/// <summary>"--name value" pairs of a bench verb.</summary>
public sealed class BenchArguments(string[] args)
{
    public int Int(string name, int fallback) =>
        Value(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Value(name) ?? fallback;

    public double? Double(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

    private string? Value(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Median of the runs' figures: what the bench reports, given the machine's noise.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Between runs: compact every generation and the large-object heap and return the memory to the OS, so
    /// each run starts from the same footprint and the peak RSS is that of one run, not of leftovers.</summary>
    public static void ReleaseMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
