using DataProductDashboard.Data.Entities;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>Stored files kept in the database (<c>Dashboard:Database:Files</c> = <c>Database</c>), in chunks of
/// <see cref="ChunkBytes"/>, one statement each, so neither side holds a whole file in memory and no write transaction
/// stays open while a large file goes in. A file's header row is written after its last chunk: a copy cut short by a
/// crash is never read, and the sweep removes its chunks.</summary>
public sealed class DatabaseFiles(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock, ILogger<DatabaseFiles> logger) : ISharedFiles
{
    public const int ChunkBytes = 1 << 20;

    public bool IsLocal => false;

    public async Task<bool> PutAsync(string area, string name, string localPath, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.SharedFiles.AnyAsync(f => f.Area == area && f.Name == name, ct))
            return false;
        var upload = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var buffer = new byte[ChunkBytes];
        long length = 0;
        var chunks = 0;
        await using (var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            int read;
            while ((read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
            {
                db.SharedFileChunks.Add(new SharedFileChunk { UploadId = upload, Index = chunks++, Data = buffer[..read], WrittenAt = now });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                length += read;
            }
        }
        db.SharedFiles.Add(new SharedFile { Area = area, Name = name, UploadId = upload, Length = length, Chunks = chunks, StoredAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConstraintViolation(e))
        {
            // Another instance stored the same file first: its copy stands.
            await db.SharedFileChunks.Where(c => c.UploadId == upload).ExecuteDeleteAsync(CancellationToken.None);
            return false;
        }
        logger.LogDebug("Stored {Area} file {Name} in the database ({Bytes} bytes, {Chunks} chunks)", area, name, length, chunks);
        return true;
    }

    public async Task<bool> FetchAsync(string area, string name, string localPath, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var header = await db.SharedFiles.AsNoTracking().Where(f => f.Area == area && f.Name == name)
            .Select(f => new { f.UploadId, f.Chunks, f.Length }).FirstOrDefaultAsync(ct);
        if (header is null)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        var temp = localPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                for (var index = 0; index < header.Chunks; index++)
                {
                    var data = await db.SharedFileChunks.AsNoTracking().Where(c => c.UploadId == header.UploadId && c.Index == index)
                        .Select(c => c.Data).FirstOrDefaultAsync(ct);
                    if (data is null)
                    {
                        // Deleted while it was read (retention, a product deleted on another instance).
                        File.Delete(temp);
                        return false;
                    }
                    await file.WriteAsync(data, ct);
                }
            }
            File.Move(temp, localPath, overwrite: true);
            logger.LogDebug("Fetched {Area} file {Name} from the database ({Bytes} bytes)", area, name, header.Length);
            return true;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async Task<bool> DeleteAsync(string area, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var upload = await db.SharedFiles.AsNoTracking().Where(f => f.Area == area && f.Name == name).Select(f => (Guid?)f.UploadId).FirstOrDefaultAsync(ct);
        if (upload is null)
            return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.SharedFiles.Where(f => f.Area == area && f.Name == name).ExecuteDeleteAsync(ct);
        await db.SharedFileChunks.Where(c => c.UploadId == upload).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return removed > 0;
    }

    public async Task<int> SweepAsync(string area, IReadOnlySet<string> referencedHashes, DateTime? writtenBefore, CancellationToken ct)
    {
        List<string> names;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var files = db.SharedFiles.AsNoTracking().Where(f => f.Area == area);
            var chunks = db.SharedFileChunks.Where(c => !db.SharedFiles.Any(f => f.UploadId == c.UploadId));
            if (writtenBefore is { } cutoff)
            {
                files = files.Where(f => f.StoredAt < cutoff);
                chunks = chunks.Where(c => c.WrittenAt < cutoff);
            }
            names = await files.Select(f => f.Name).ToListAsync(ct);
            // Chunks of copies that never got their header (a crash mid-write), whatever their area.
            var partial = await chunks.ExecuteDeleteAsync(ct);
            if (partial > 0)
                logger.LogWarning("Removed {Count} chunks of files whose copy to the database never completed", partial);
        }
        var removed = 0;
        foreach (var name in names.Where(n => !referencedHashes.Contains(n.Split('.')[0])))
            removed += await DeleteAsync(area, name, ct) ? 1 : 0;
        return removed;
    }
}
