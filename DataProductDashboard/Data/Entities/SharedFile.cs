namespace DataProductDashboard.Data.Entities;

/// <summary>A stored file kept in the database (<c>Dashboard:Database:Files</c> = <c>Database</c>): written after all of
/// its <see cref="SharedFileChunk"/>s, so a file is readable only once complete. Two instances storing the same file at
/// once each write their chunks under their own <see cref="UploadId"/>; the first header wins and the other's chunks go.</summary>
public sealed class SharedFile
{
    public required string Area { get; set; }
    /// <summary>As in the data directory: the content's (or its model's) hash and the extension.</summary>
    public required string Name { get; set; }
    public Guid UploadId { get; set; }
    public long Length { get; set; }
    public int Chunks { get; set; }
    public DateTime StoredAt { get; set; }
}
