using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;

namespace DataProductDashboard.Services.Batches;

/// <summary>A batch file that has been read and validated and is ready to be scored by <see cref="ChampionVersionId"/>,
/// or split between the champion and the challenger of <see cref="Experiment"/> when an A/B test is running.</summary>
public sealed record PreparedBatch(
    int ProductId,
    TaskType Task,
    ProductSchema Schema,
    int ChampionVersionId,
    int ChampionNumber,
    string ChampionFileHash,
    ParsedCsv Parsed,
    Storage.UploadedFile File,
    string FileName,
    BatchSource Source,
    DateTime? ReceivedAt,
    TimeSpan ParseTime,
    IReadOnlyList<int> EarlierBatchRows,
    IReadOnlyList<DateTime> EarlierReceivedAt,
    DriftSettings DriftSettings,
    Experiments.RunningExperiment? Experiment = null)
{
    public int RowCount => Parsed.RowCount;
}
