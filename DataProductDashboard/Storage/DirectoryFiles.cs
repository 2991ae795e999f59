namespace DataProductDashboard.Storage;

/// <summary>The data directory is the shared copy (one instance, or a shared volume): nothing to copy, fetch or sweep
/// beyond the local files.</summary>
public sealed class DirectoryFiles : ISharedFiles
{
    public bool IsLocal => true;

    public Task<bool> PutAsync(string area, string name, string localPath, CancellationToken ct) => Task.FromResult(false);

    public Task<bool> FetchAsync(string area, string name, string localPath, CancellationToken ct) => Task.FromResult(false);

    public Task<bool> DeleteAsync(string area, string name, CancellationToken ct) => Task.FromResult(false);

    public Task<int> SweepAsync(string area, IReadOnlySet<string> referencedHashes, DateTime? writtenBefore, CancellationToken ct) => Task.FromResult(0);
}
