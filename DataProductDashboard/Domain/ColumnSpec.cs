namespace DataProductDashboard.Domain;

/// <summary>One column of a product schema.</summary>
/// <param name="Name">Column header in the CSV files.</param>
/// <param name="Kind">How values are parsed.</param>
/// <param name="Role">What the column is used for.</param>
/// <param name="Nullable">Whether an empty cell is allowed.</param>
/// <param name="Min">Declared minimum for numeric columns.</param>
/// <param name="Max">Declared maximum for numeric columns.</param>
/// <param name="AllowedValues">Declared categories for categorical columns (null: any value).</param>
/// <param name="IsSegment">Whether the column also slices the population (fairness, coverage).</param>
/// <param name="Format">Timestamp columns only: a .NET custom date format (e.g. "dd.MM.yyyy") the values follow;
/// without one, values must be ISO 8601 (2012-03-31, 2012-03-31T17:00:00Z).</param>
/// <param name="MissingMarkers">Cell values that mean "missing" in this column (e.g. "NA", "?"), compared ignoring case;
/// null: the product's markers apply. An empty cell is always missing.</param>
/// <param name="AddedInVersion">The schema version that added the column (null: there from the start). A batch or
/// training file written before then may leave it out of its header; its cells then read as missing.</param>
/// <param name="ComposedOf">A virtual event-time column (kind Timestamp, role EventTime) that no file carries: its UTC
/// time is composed, row by row, from these part columns of the schema, in the order year, month, day[, hour[, minute]]
/// (e.g. year, month, day, hour); null: the column is read from the files.</param>
/// <param name="Seasonal">A feature that follows the calendar (hour of day, weekday, month, season): a short batch
/// holds one slice of its cycle, so against a year of reference it drifts by construction. Its drift is still measured
/// and shown, but apart: it does not count in the dataset-drift share. Absent in JSON: false.</param>
public sealed record ColumnSpec(
    string Name,
    ColumnKind Kind,
    ColumnRole Role = ColumnRole.Feature,
    bool Nullable = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? AllowedValues = null,
    bool IsSegment = false,
    string? Format = null,
    IReadOnlyList<string>? MissingMarkers = null,
    int? AddedInVersion = null,
    IReadOnlyList<string>? ComposedOf = null,
    bool Seasonal = false)
{
    /// <summary>The parts a composed time takes: year, month, day, and optionally hour and minute.</summary>
    public static readonly IReadOnlyList<string> ComposedPartNames = ["year", "month", "day", "hour", "minute"];

    /// <summary>Fewest parts of a composed time (year, month, day).</summary>
    public const int MinComposedParts = 3;


    /// <summary>A feature column is an input of the model.</summary>
    public bool IsFeature => Role == ColumnRole.Feature;

    /// <summary>Integer columns whose name says they are a calendar cycle (hour, weekday, month, season): the schema
    /// wizard proposes them as <see cref="Seasonal"/>. Compared ignoring case, underscores and dashes.</summary>
    public static readonly IReadOnlySet<string> SeasonalNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hour", "hr", "hourofday", "weekday", "dayofweek", "dow", "wday", "month", "mnth", "mon", "season", "quarter",
    };

    /// <summary>Whether <paramref name="name"/> reads like a calendar cycle (see <see cref="SeasonalNames"/>).</summary>
    public static bool LooksSeasonal(string name) =>
        SeasonalNames.Contains(name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    /// <summary>Whether the column is composed from other columns (<see cref="ComposedOf"/>) rather than read from files.</summary>
    public bool IsComposed => ComposedOf is not null;

    /// <summary>Whether a file's header must name the column: every column there from the start; a column added later
    /// may be absent (files from before it read it as missing); a composed column is never in a file.</summary>
    public bool RequiredInHeader => AddedInVersion is null && ComposedOf is null;
}
