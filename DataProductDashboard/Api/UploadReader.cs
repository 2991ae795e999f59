using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using DataProductDashboard.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DataProductDashboard.Api;

/// <summary>Reads an upload: multipart/form-data with the file in field "file", or (where allowed) a raw body of one
/// of the accepted content types. The body is streamed section by section to temporary files under data/tmp (hashed
/// on the way), never buffered in memory. Enforces the size limit (413) and the content type (415).</summary>
public static class UploadReader
{
    private const int MaxFieldBytes = 64 * 1024;

    public static async Task<Upload> ReadAsync(HttpRequest request, string[] rawContentTypes, string defaultFileName, CancellationToken ct)
    {
        var services = request.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<DashboardOptions>>().Value.MaxUploadBytes;
        var store = services.GetRequiredService<ContentStore>();
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException(limit);
        var expected = string.Join(" or ", rawContentTypes.Prepend("multipart/form-data (file in field 'file')"));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
            throw new UnsupportedContentTypeException(request.ContentType, expected);
        var type = mediaType.MediaType.Value ?? "";

        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return await ReadMultipartAsync(request, mediaType, store, limit, defaultFileName, ct);
        if (rawContentTypes.Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)))
        {
            var name = request.Query["fileName"].ToString();
            var file = await store.ReceiveAsync(request.Body, string.IsNullOrWhiteSpace(name) ? defaultFileName : Path.GetFileName(name), limit,
                () => new PayloadTooLargeException(limit), ct);
            var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return new Upload(file, fields);
        }
        throw new UnsupportedContentTypeException(request.ContentType, expected);
    }

    private static async Task<Upload> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, ContentStore store, long limit,
        string defaultFileName, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
            throw new InputValidationException("body", "The multipart body has no boundary in its Content-Type header.");
        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<string, UploadedFile>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        try
        {
            MultipartSection? section;
            while ((section = await ReadSectionAsync(reader, ct)) is not null)
            {
                // IsFormDisposition() is true only for a form-data section without a file name, so a part is
                // skipped only when it is neither a field nor a file.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var file = await store.ReceiveAsync(section.Body, string.IsNullOrWhiteSpace(fileName) ? defaultFileName : Path.GetFileName(fileName),
                        limit - total, () => new PayloadTooLargeException(limit), ct);
                    total += file.Length;
                    if (files.Remove(name, out var replaced))
                        replaced.Dispose();
                    files[name] = file;
                }
                else
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MaxFieldBytes + 1];
                    var read = await text.ReadBlockAsync(buffer, ct);
                    if (read > MaxFieldBytes)
                        throw new InputValidationException(name, $"The form field '{name}' is longer than {MaxFieldBytes / 1024} KiB.");
                    fields[name] = new string(buffer, 0, read);
                }
            }
            if (!files.Remove("file", out var main))
                throw new InputValidationException("file", "The form has no file in a field named 'file'.");
            return new Upload(main, fields, files);
        }
        catch
        {
            foreach (var file in files.Values)
                file.Dispose();
            throw;
        }
    }

    /// <summary>The next section; a body cut off or not shaped as multipart is the caller's fault (400), not ours.</summary>
    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException))
        {
            throw new InputValidationException("body", $"The multipart body could not be read: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            throw new InputValidationException("body", $"The multipart body is malformed: {ex.Message}");
        }
    }
}
