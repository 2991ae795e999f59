namespace DataProductDashboard.Storage;

/// <summary>Where the stored files (model files, batch files, reference data, profiles, job inputs) are kept so that every
/// instance reaches them. The content store always works on local files under the data directory; this is the copy
/// behind them:
/// <list type="bullet">
/// <item><see cref="DirectoryFiles"/>: the data directory itself (one instance, or every instance mounting it from one
/// shared volume); nothing to copy.</item>
/// <item><c>Data.DatabaseFiles</c>: the database (<c>Dashboard:Database:Files</c> = <c>Database</c>, the default on
/// PostgreSQL): written there after the local write, fetched into the local data directory on first use, so an
/// instance's data directory is only a cache.</item>
/// </list>
/// A file is named as in the data directory: its hash (or its model's hash) and extension, under its area.</summary>
public interface ISharedFiles
{
    /// <summary>True when the data directory is itself the shared copy (no database copy to write, fetch or sweep).</summary>
    bool IsLocal { get; }

    /// <summary>Copies the local file at <paramref name="localPath"/> to the shared copy unless it is already there.</summary>
    /// <returns>True when this call stored it.</returns>
    Task<bool> PutAsync(string area, string name, string localPath, CancellationToken ct);

    /// <summary>Writes the shared copy of <paramref name="name"/> to <paramref name="localPath"/> (through a temporary
    /// file, so a reader never sees a part of it); false when there is none.</summary>
    Task<bool> FetchAsync(string area, string name, string localPath, CancellationToken ct);

    /// <summary>Removes the shared copy; false when there was none.</summary>
    Task<bool> DeleteAsync(string area, string name, CancellationToken ct);

    /// <summary>Removes the shared files of <paramref name="area"/> whose hash (the name before its first dot) is not in
    /// <paramref name="referencedHashes"/>, and parts of copies that never completed (a crash mid-write); only those
    /// written before <paramref name="writtenBefore"/> when given.</summary>
    /// <returns>How many files were removed.</returns>
    Task<int> SweepAsync(string area, IReadOnlySet<string> referencedHashes, DateTime? writtenBefore, CancellationToken ct);
}
