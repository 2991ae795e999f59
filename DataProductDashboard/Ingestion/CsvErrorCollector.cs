namespace DataProductDashboard.Ingestion;

/// <summary>Collects problems found in a CSV file, keyed "row N, column 'c'", up to a limit.</summary>
public sealed class CsvErrorCollector(int limit = CsvErrorCollector.DefaultLimit)
{
    /// <summary>Problems reported before reading stops.</summary>
    public const int DefaultLimit = 50;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count { get; private set; }
    public bool IsFull => Count >= limit;
    public bool HasErrors => Count > 0;

    public static string CellKey(int row, string column) => $"row {row}, column '{column}'";

    public void Add(string key, string message)
    {
        Count++;
        if (Count > limit)
            return;
        if (!_errors.TryGetValue(key, out var list))
            _errors[key] = list = [];
        list.Add(message);
    }

    public void AddCell(int row, string column, string message) => Add(CellKey(row, column), message);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One sentence naming the first problems and how many there are.</summary>
    public string Summary(string fileName)
    {
        var first = _errors.Take(3).Select(e => $"{e.Key}: {e.Value[0]}");
        var more = Count > 3 ? $" (and {Count - 3} more)" : "";
        var count = IsFull ? $"at least {limit} problems (reading stopped there)" : $"{Count} problem{(Count == 1 ? "" : "s")}";
        return $"'{fileName}' has {count}: {string.Join("; ", first)}{more}.";
    }
}
