using System.Security.Cryptography;
using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Storage;

/// <summary>Files under data/&lt;area&gt;/ named by the SHA-256 of their content.</summary>
public sealed class ContentStore(IOptions<DashboardOptions> options, ILogger<ContentStore> logger)
{
    public const string Models = "models";
    public const string Batches = "batches";
    public const string Reference = "reference";

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public string PathFor(string area, string hash, string extension) =>
        Path.Combine(options.Value.DataPath, area, hash + extension);

    /// <summary>Writes the content unless a file with the same hash is already there.</summary>
    /// <returns>The hash and whether this call created the file (so a failed transaction can remove it).</returns>
    public async Task<StoredFile> SaveAsync(string area, ReadOnlyMemory<byte> content, string extension, CancellationToken ct)
    {
        var hash = Hash(content.Span);
        var path = PathFor(area, hash, extension);
        if (File.Exists(path))
            return new StoredFile(hash, path, Created: false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
        logger.LogDebug("Stored {Area} file {Hash} ({Bytes} bytes)", area, hash, content.Length);
        return new StoredFile(hash, path, Created: true);
    }

    /// <summary>Removes a file this request created, when the work it belonged to failed.</summary>
    public void Discard(StoredFile file)
    {
        if (!file.Created)
            return;
        try
        {
            File.Delete(file.Path);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not remove {Path} after a failed request", file.Path);
        }
    }
}
