using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch file that has been read and validated (or, for a queued job, was validated when it arrived) and is
/// ready to be scored by <see cref="ChampionVersionId"/>, or split between the champion and the challenger of
/// <see cref="Experiment"/> when an A/B test is running. <see cref="Backfill"/>: the sender's word that the batch is
/// history (true), is not (false), or null to detect it (<see cref="BackfillRule"/>). <see cref="Whole"/> holds the parsed rows when the file fit in
/// one chunk (it is then not read again); a longer file is read again chunk by chunk when it is scored.</summary>
public sealed record PreparedBatch(
    int ProductId,
    TaskType Task,
    ProductSchema Schema,
    int ChampionVersionId,
    int ChampionNumber,
    string ChampionFileHash,
    ParsedCsv? Whole,
    int RowCount,
    Storage.UploadedFile File,
    string FileName,
    BatchSource Source,
    DateTime? ReceivedAt,
    TimeSpan ParseTime,
    IReadOnlyList<int> EarlierBatchRows,
    IReadOnlyList<DateTime> EarlierReceivedAt,
    DriftSettings DriftSettings,
    Experiments.RunningExperiment? Experiment = null,
    bool? Backfill = null)
{
    /// <summary>The product's reference window and its profile when drift is not measured against the training data.</summary>
    public (Analysis.ReferenceProfile Profile, Analysis.Drift.DriftReference Used)? DriftWindow { get; init; }

    /// <summary>The product schema version <see cref="Schema"/> is.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>When the file arrived (<see cref="ReceivedAt"/> becomes a backfill's newest event time).</summary>
    public DateTime? UploadedAt { get; init; }

    /// <summary>The product's time zone: timestamps without an offset in the file are its wall-clock times.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The challengers that score the batch's first <see cref="ShadowRows"/> rows beside the champion.</summary>
    public IReadOnlyList<ShadowChallenger> Challengers { get; init; } = [];

    /// <summary>How many rows of the batch (the first ones) each challenger scores.</summary>
    public int ShadowRows { get; init; }
}
