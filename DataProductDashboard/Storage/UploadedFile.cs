namespace DataProductDashboard.Storage;

/// <summary>An uploaded file streamed to a temporary file under data/tmp (never held in memory), with its SHA-256 and
/// length computed on the way. Disposing removes the temporary file unless the content store adopted it.</summary>
public sealed class UploadedFile(string path, long length, string hash, string fileName) : IDisposable
{
    public string Path { get; private set; } = path;
    public long Length { get; } = length;
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Hash { get; } = hash;
    public string FileName { get; } = fileName;

    public byte[] ReadAllBytes() => File.ReadAllBytes(Path);

    internal bool IsTemporary { get; private set; } = true;

    /// <summary>The content store moved the file to its place: it is no longer temporary.</summary>
    internal void MarkAdopted(string newPath)
    {
        Path = newPath;
        IsTemporary = false;
    }

    public void Dispose()
    {
        if (!IsTemporary)
            return;
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Swept at the next start.
        }
        IsTemporary = false;
    }
}
