using DataProductDashboard.Storage;

namespace DataProductDashboard.Api;

/// <summary>An uploaded file streamed to a temporary file (see <see cref="UploadedFile"/>), with the other form
/// fields. Dispose it to remove the temporary files the request did not hand over to the store.</summary>
/// <param name="Extra">Other files of a multipart form by field name (e.g. "reference").</param>
public sealed record Upload(UploadedFile File, IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, UploadedFile>? Extra = null) : IDisposable
{
    public string FileName => File.FileName;

    /// <summary>The file's bytes, for the uploads that are read whole anyway (labels, KPI values, model zips).</summary>
    public byte[] Content => _content ??= File.ReadAllBytes();

    private byte[]? _content;

    public string? Field(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public void Dispose()
    {
        File.Dispose();
        foreach (var extra in Extra?.Values ?? [])
            extra.Dispose();
    }
}
