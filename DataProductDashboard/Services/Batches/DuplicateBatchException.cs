using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Batches;

/// <summary>The same file (same SHA-256) was already stored or queued for this product: 409 naming it, unless the
/// caller says to upload it anyway (<c>?allowDuplicate=true</c>).</summary>
public sealed class DuplicateBatchException(string summary, int? batchId, Guid? jobId)
    : DashboardException(summary + " Send it with ?allowDuplicate=true to store it anyway.")
{
    /// <summary>What was found, without the API's hint (the upload dialog offers its own "Upload anyway").</summary>
    public string Summary { get; } = summary;

    public int? BatchId { get; } = batchId;
    public Guid? JobId { get; } = jobId;
    public override int StatusCode => 409;
    public override string Title => "Same file already uploaded";
}
