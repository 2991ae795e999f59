namespace DataProductDashboard.Bench;

/// <summary>What <see cref="HistoryBench"/> measured when the product had <see cref="Batches"/> batches: median wall
/// times in ms of the pages and API reads, the label uploads, the memory, the database and the growth since the
/// previous checkpoint.</summary>
public sealed record HistoryCheckpoint
{
    public required int Batches { get; init; }
    public required IReadOnlyDictionary<string, double> Pages { get; init; }
    public required IReadOnlyDictionary<string, double> Apis { get; init; }
    /// <summary>Median of the last (up to) 5 routine label uploads of one batch each.</summary>
    public required double? LabelUpload5kMs { get; init; }
    /// <summary>Median of `--runs` uploads of one label file for 18 stored batches at once (fewer while the product has fewer).</summary>
    public required double LabelUpload90kMs { get; init; }
    public required int LabelUpload90kRows { get; init; }
    /// <summary>VmRSS after a full compacting GC.</summary>
    public required double RssMb { get; init; }
    /// <summary>VmHWM: the process's peak resident set so far.</summary>
    public required double PeakRssMb { get; init; }
    /// <summary>The SQLite database with its write-ahead log.</summary>
    public required double DbMb { get; init; }
    public required double WalMb { get; init; }
    /// <summary>Wall time of the growth since the previous checkpoint per batch: generate + upload + its labels' upload.</summary>
    public required double SecondsPerBatch { get; init; }
    public required double UploadSecondsPerBatch { get; init; }
    public required double LabelSecondsPerBatch { get; init; }
    /// <summary>Wall time of this checkpoint's own measurements.</summary>
    public required double MeasureSeconds { get; init; }
}
