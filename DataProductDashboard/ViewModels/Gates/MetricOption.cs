using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>One entry of the rule editor's metric list: a metric key (and column, for per-column metrics) that the
/// product actually has, with its current value. <see cref="Id"/> ("key" or "key|column") is the select's value.</summary>
public sealed record MetricOption(string Key, string? Column, string Name, MetricFamily Family, GateScope Scope, double? Value, DateTime? At,
    string Unit, string Explanation)
{
    public const char Separator = '|';

    public string Id => IdOf(Key, Column);

    /// <summary>"Missing share of 'temp'", "Latency p95".</summary>
    public string Label => MetricCatalog.Describe(new MetricAddress(Key, Column));

    /// <summary>"0.083", "412.5 µs", "no value yet".</summary>
    public string ValueText => Value is null ? "no value yet" : GateText.Value(Value, Unit);

    public bool IsFlag => Unit == MetricCatalog.FlagUnit;

    public static string IdOf(string key, string? column) => string.IsNullOrEmpty(column) ? key : $"{key}{Separator}{column}";

    /// <summary>The key and column an <see cref="Id"/> names.</summary>
    public static (string Key, string? Column) Parse(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return ("", null);
        var cut = id.IndexOf(Separator, StringComparison.Ordinal);
        return cut < 0 ? (id, null) : (id[..cut], id[(cut + 1)..]);
    }

    public static MetricOption From(AvailableMetric m) => new(m.Key, m.Column, m.Name, m.Family, m.Scope, m.Value, m.At, m.Unit, m.Explanation);

    /// <summary>An option for a rule's metric the product has no value of (e.g. a per-column metric not measured lately),
    /// so that editing the rule still shows it; null for a key the catalog does not know.</summary>
    public static MetricOption? Unmeasured(string key, string? column) => MetricCatalog.Find(key) is { } info
        ? new(info.Key, column, info.Name, info.Family, info.Scope, null, null, info.Unit, info.Explanation)
        : null;

    /// <summary>The options of one scope grouped by family (catalog order), each group sorted by label.</summary>
    public static IReadOnlyList<(MetricFamily Family, IReadOnlyList<MetricOption> Options)> Grouped(IEnumerable<MetricOption> options, GateScope scope) =>
        options.Where(o => o.Scope == scope).GroupBy(o => o.Family).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<MetricOption>)g.OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
}
