namespace DataProductDashboard.Data.Entities;

/// <summary>One part (at most 1 MiB) of a <see cref="SharedFile"/>, so neither a write nor a read holds a whole file in
/// memory.</summary>
public sealed class SharedFileChunk
{
    public Guid UploadId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
    public DateTime WrittenAt { get; set; }
}
