using DataProductDashboard.Configuration;
using DataProductDashboard.Domain;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DataProductDashboard.Api;

/// <summary>Reads an upload: multipart/form-data with the file in field "file", or (where allowed) a raw body of one
/// of the accepted content types. Enforces the size limit (413) and the content type (415).</summary>
public static class UploadReader
{
    public static async Task<Upload> ReadAsync(HttpRequest request, string[] rawContentTypes, string defaultFileName, CancellationToken ct)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.MaxUploadBytes;
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException(limit);
        var expected = string.Join(" or ", rawContentTypes.Prepend("multipart/form-data (file in field 'file')"));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
            throw new UnsupportedContentTypeException(request.ContentType, expected);
        var type = mediaType.MediaType.Value ?? "";

        if (request.HasFormContentType && type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file")
                ?? throw new InputValidationException("file", "The form has no file in a field named 'file'.");
            if (file.Length > limit)
                throw new PayloadTooLargeException(limit);
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
                await stream.ReadExactlyAsync(content, ct);
            var fields = form.Where(f => f.Key != "file").ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var extra = new Dictionary<string, (byte[], string)>(StringComparer.OrdinalIgnoreCase);
            var total = file.Length;
            foreach (var other in form.Files.Where(f => !string.Equals(f.Name, "file", StringComparison.OrdinalIgnoreCase)))
            {
                total += other.Length;
                if (total > limit)
                    throw new PayloadTooLargeException(limit);
                var bytes = new byte[other.Length];
                await using (var stream = other.OpenReadStream())
                    await stream.ReadExactlyAsync(bytes, ct);
                extra[other.Name] = (bytes, Path.GetFileName(other.FileName));
            }
            return new Upload(content, string.IsNullOrWhiteSpace(file.FileName) ? defaultFileName : Path.GetFileName(file.FileName), fields, extra);
        }
        if (rawContentTypes.Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                    throw new PayloadTooLargeException(limit);
                buffer.Write(chunk, 0, read);
            }
            var name = request.Query["fileName"].ToString();
            var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return new Upload(buffer.ToArray(), string.IsNullOrWhiteSpace(name) ? defaultFileName : Path.GetFileName(name), fields);
        }
        throw new UnsupportedContentTypeException(request.ContentType, expected);
    }
}
