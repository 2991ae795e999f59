using System.Security.Cryptography;
using System.Text;
using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Storage;

/// <summary>Files under data/&lt;area&gt;/ named by the SHA-256 of their content, and uploads on their way in under
/// data/tmp/. Every write also goes to the <see cref="ISharedFiles"/> copy that every instance reaches, and a file that
/// is not (or no longer) in the local data directory is fetched from it on first use; with
/// <see cref="DirectoryFiles"/> the data directory is that copy and nothing moves.</summary>
public sealed class ContentStore(IOptions<DashboardOptions> options, ISharedFiles shared, ILogger<ContentStore> logger)
{
    public const string Models = "models";
    public const string Batches = "batches";
    public const string Reference = "reference";
    /// <summary>Inputs of background jobs other than imports (e.g. training files), removed when the job ends.</summary>
    public const string JobInputs = "job-inputs";
    private const string Temp = "tmp";

    /// <summary>Where uploads land and work files live until they are adopted or deleted (swept at start).</summary>
    public string TempDirectory => Path.Combine(options.Value.DataPath, Temp);

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Where the file lives in this instance's data directory (it may not be there yet: see
    /// <see cref="LocalCopyAsync"/>).</summary>
    public string PathFor(string area, string name, string extension) => Path.Combine(options.Value.DataPath, area, name + extension);

    /// <summary>The local path of a stored file, fetched from the shared copy first when this instance does not have
    /// it; null when it is stored nowhere.</summary>
    public async Task<string?> LocalCopyAsync(string area, string name, string extension, CancellationToken ct)
    {
        var path = PathFor(area, name, extension);
        if (File.Exists(path) || await shared.FetchAsync(area, name + extension, path, ct))
            return path;
        return null;
    }

    /// <summary>The length of a stored file this instance holds; null when it is not (or not yet) here.</summary>
    public long? LocalLength(string area, string name, string extension) =>
        PathFor(area, name, extension) is var path && File.Exists(path) ? new FileInfo(path).Length : null;

    /// <summary>Writes the content unless a file with the same hash is already there.</summary>
    /// <returns>The hash and whether this call created the file (so a failed transaction can remove it).</returns>
    public async Task<StoredFile> SaveAsync(string area, ReadOnlyMemory<byte> content, string extension, CancellationToken ct)
    {
        var hash = Hash(content.Span);
        var path = PathFor(area, hash, extension);
        var created = false;
        if (!File.Exists(path))
        {
            await WriteLocalAsync(path, content, ct);
            logger.LogDebug("Stored {Area} file {Hash} ({Bytes} bytes)", area, hash, content.Length);
            created = true;
        }
        created |= await shared.PutAsync(area, hash + extension, path, ct);
        return new StoredFile(area, hash, extension, path, created);
    }

    /// <summary>Writes a file named by something other than its content (a model version's derived files, by the
    /// version's hash), replacing this instance's copy; the shared copy keeps the first one written.</summary>
    public async Task WriteAsync(string area, string name, string extension, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = PathFor(area, name, extension);
        await WriteLocalAsync(path, content, ct);
        await shared.PutAsync(area, name + extension, path, ct);
    }

    private static async Task WriteLocalAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Starts copying an upload to the shared copy before it is adopted (while its batch is scored, say), so
    /// that <see cref="AdoptAsync"/> only waits for it; undone by <see cref="UnshareAsync"/> if the work fails first.</summary>
    /// <returns>True when this call stored the copy.</returns>
    public Task<bool> ShareAsync(string area, UploadedFile upload, string extension, CancellationToken ct) =>
        shared.PutAsync(area, upload.Hash + extension, upload.Path, ct);

    /// <summary>Removes the shared copy <see cref="ShareAsync"/> made, once it ended, when the work it was for failed
    /// before the upload was adopted.</summary>
    public async Task UnshareAsync(string area, UploadedFile upload, string extension, Task<bool> sharing)
    {
        await ((Task)sharing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (sharing.IsCompletedSuccessfully && sharing.Result)
            await shared.DeleteAsync(area, upload.Hash + extension, CancellationToken.None);
    }

    /// <summary>Moves an uploaded file to its content-addressed place (or drops it when the same content is already
    /// stored); the upload then points at the stored file.</summary>
    /// <param name="sharing">The copy to the shared store started by <see cref="ShareAsync"/>, if any: waited for instead
    /// of copying again.</param>
    public async Task<StoredFile> AdoptAsync(string area, UploadedFile upload, string extension, CancellationToken ct, Task<bool>? sharing = null)
    {
        // Waited for before the file moves: the copy reads it.
        bool? sharedCopy = sharing is null ? null : await sharing;
        var path = PathFor(area, upload.Hash, extension);
        if (!upload.IsTemporary)
        {
            if (string.Equals(upload.Path, path, StringComparison.Ordinal))
                return new StoredFile(area, upload.Hash, extension, path, Created: sharedCopy == true);
            throw new InvalidOperationException($"The upload {upload.FileName} is already stored at {upload.Path}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = !File.Exists(path);
        if (created)
            File.Move(upload.Path, path, overwrite: true);
        else
            File.Delete(upload.Path);
        upload.MarkAdopted(path);
        logger.LogDebug("Stored {Area} file {Hash} ({Bytes} bytes)", area, upload.Hash, upload.Length);
        created |= sharedCopy ?? await shared.PutAsync(area, upload.Hash + extension, path, ct);
        return new StoredFile(area, upload.Hash, extension, path, created);
    }

    /// <summary>A stored file as an upload (e.g. a job's input read again after a restart, or on another instance);
    /// null when it is stored nowhere.</summary>
    public async Task<UploadedFile?> OpenAsync(string area, string hash, string extension, string fileName, CancellationToken ct)
    {
        if (await LocalCopyAsync(area, hash, extension, ct) is not { } path)
            return null;
        var file = new UploadedFile(path, new FileInfo(path).Length, hash, fileName);
        file.MarkAdopted(path);
        return file;
    }

    /// <summary>Streams <paramref name="source"/> to a new file under data/tmp, hashing it on the way; throws
    /// <paramref name="tooLarge"/> once more than <paramref name="limit"/> bytes arrived (the partial file is removed).
    /// Every upload is normalised here to what the readers take, UTF-8 text, so the rest of the app sees only that:
    /// <list type="bullet">
    /// <item>gzip (e.g. week.csv.gz) is decompressed on the way — the limit counts the decompressed bytes — and named
    /// without its ".gz";</item>
    /// <item>UTF-16 (or UTF-32) text with its byte-order mark is transcoded to UTF-8 without a byte-order mark (the limit
    /// counts the UTF-8 bytes); a UTF-8 file is kept as it is, with or without its byte-order mark;</item>
    /// <item>Parquet ("PAR1") is spooled to data/tmp (the limit counts its bytes; the spool is always removed) and
    /// converted to a UTF-8 CSV with a header row (<see cref="ParquetCsv"/>; the limit counts the CSV bytes too), named
    /// "….csv" instead of "….parquet".</item>
    /// </list>
    /// The stored file, its hash and its length are those of the normalised content.</summary>
    public async Task<UploadedFile> ReceiveAsync(Stream source, string fileName, long limit, Func<Exception> tooLarge, CancellationToken ct)
    {
        var original = fileName;
        var (head, input) = await PeekAsync(source, 2, ct);
        var gzip = head.Span.SequenceEqual(new byte[] { 0x1F, 0x8B });
        if (gzip)
        {
            input = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
            if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                fileName = fileName[..^3];
        }
        try
        {
            (head, input) = await PeekAsync(input, 4, ct);
            if (head.Span.StartsWith(ParquetCsv.Magic))
                return await ReceiveParquetAsync(input, fileName, limit, tooLarge, ct);
            if (UnicodeOf(head.Span) is { } unicode)
            {
                // The byte-order mark is dropped here: the decoder would otherwise turn it into a UTF-8 one.
                await input.ReadExactlyAsync(new byte[unicode.BomLength], ct);
                input = Encoding.CreateTranscodingStream(input, unicode.Encoding, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                try
                {
                    return await CopyAsync(input, fileName, limit, tooLarge, ct);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new InputValidationException("file",
                        $"'{original}' starts with a {unicode.Name} byte-order mark but is not valid {unicode.Name} text ({ex.Message.TrimEnd('.')}); save it as CSV UTF-8.");
                }
            }
            return await CopyAsync(input, fileName, limit, tooLarge, ct);
        }
        catch (InvalidDataException ex) when (gzip)
        {
            throw new InputValidationException("file", $"'{original}' is not a valid gzip file: {ex.Message}");
        }
    }

    /// <summary>Parquet keeps its schema and the index of its row groups in a footer: the raw bytes are spooled first,
    /// then converted to CSV in a second temporary file, which becomes the upload.</summary>
    private async Task<UploadedFile> ReceiveParquetAsync(Stream input, string fileName, long limit, Func<Exception> tooLarge, CancellationToken ct)
    {
        using var spool = await CopyAsync(input, fileName, limit, tooLarge, ct);
        var csvName = fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? fileName[..^".parquet".Length] + ".csv" : fileName;
        var path = NewTempPath();
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using var csv = new HashingWriteStream(target, limit, tooLarge);
            await ParquetCsv.WriteAsync(spool.Path, csv, fileName, limit, tooLarge, ct);
            logger.LogDebug("Converted the Parquet upload {FileName} ({Bytes} bytes) to CSV ({CsvBytes} bytes)", fileName, spool.Length, csv.Length);
            return new UploadedFile(path, csv.Length, csv.Hash(), csvName);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

    /// <summary>The encoding a UTF-16 or UTF-32 byte-order mark at the start of <paramref name="head"/> names (strict:
    /// invalid text throws), or null.</summary>
    private static (Encoding Encoding, int BomLength, string Name)? UnicodeOf(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0x00, 0x00] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32"),
        [0x00, 0x00, 0xFE, 0xFF] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32"),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16"),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16"),
        _ => null,
    };

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="source"/>; returns them and a stream that
    /// gives them back before the rest.</summary>
    private static async Task<(ReadOnlyMemory<byte> Head, Stream Stream)> PeekAsync(Stream source, int count, CancellationToken ct)
    {
        var head = new byte[count];
        var got = 0;
        while (got < head.Length && await source.ReadAsync(head.AsMemory(got), ct) is var n and > 0)
            got += n;
        return (head.AsMemory(0, got), new PrefixedStream(head.AsMemory(0, got), source));
    }

    private string NewTempPath()
    {
        var directory = Path.Combine(options.Value.DataPath, Temp);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Guid.NewGuid().ToString("N") + ".upload");
    }

    private async Task<UploadedFile> CopyAsync(Stream source, string fileName, long limit, Func<Exception> tooLarge, CancellationToken ct)
    {
        var path = NewTempPath();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        long total = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, buffer.Length), ct)) > 0)
                {
                    total += read;
                    if (total > limit)
                        throw tooLarge();
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new UploadedFile(path, total, Convert.ToHexStringLower(sha.GetHashAndReset()), fileName);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Removes a file this request created, when the work it belonged to failed.</summary>
    public async Task DiscardAsync(StoredFile file)
    {
        if (!file.Created)
            return;
        TryDelete(file.Path);
        await shared.DeleteAsync(file.Area, file.Hash + file.Extension, CancellationToken.None);
    }

    /// <summary>Removes a stored file (its product was deleted, retention expired it, its job ended), here and in the
    /// shared copy; false when it was in neither.</summary>
    public async Task<bool> DeleteAsync(string area, string hash, string extension, CancellationToken ct)
    {
        var path = PathFor(area, hash, extension);
        var local = File.Exists(path);
        if (local)
            TryDelete(path);
        var removedShared = await shared.DeleteAsync(area, hash + extension, ct);
        return (local && !File.Exists(path)) || removedShared;
    }

    /// <summary>At start: removes uploads that never arrived (data/tmp) and the files of <paramref name="area"/> that
    /// nothing references (a crash between writing a file and committing what points at it), here and in the shared
    /// copy.</summary>
    /// <returns>How many copies were removed (a file stored both here and in the database counts twice).</returns>
    /// <param name="writtenBefore">Only files last written before this time (UTC) go; null: every unreferenced file.</param>
    public async Task<int> SweepAsync(string area, IReadOnlySet<string> referencedHashes, DateTime? writtenBefore, CancellationToken ct)
    {
        var removed = 0;
        var directory = Path.Combine(options.Value.DataPath, area);
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(path);
                var hash = name.Split('.')[0];
                if ((name.EndsWith(".tmp", StringComparison.Ordinal) || !referencedHashes.Contains(hash)) && WrittenBefore(path, writtenBefore))
                {
                    TryDelete(path);
                    removed++;
                }
            }
        }
        return removed + await shared.SweepAsync(area, referencedHashes, writtenBefore, ct);
    }

    /// <summary>Removes every upload left in data/tmp by a stopped process (only those last written before
    /// <paramref name="writtenBefore"/> when given).</summary>
    public int SweepTemp(DateTime? writtenBefore = null)
    {
        var directory = Path.Combine(options.Value.DataPath, Temp);
        if (!Directory.Exists(directory))
            return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory).Where(p => WrittenBefore(p, writtenBefore)))
        {
            TryDelete(path);
            removed++;
        }
        return removed;
    }

    private static bool WrittenBefore(string path, DateTime? time) => time is not { } t || File.GetLastWriteTimeUtc(path) < t;

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not remove {Path}", path);
        }
    }

    /// <summary>A stream that first gives back bytes already read from another, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardReadStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
                return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty)
                return await rest.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
