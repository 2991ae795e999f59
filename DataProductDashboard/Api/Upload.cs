namespace DataProductDashboard.Api;

/// <summary>An uploaded file read into memory, with the other form fields.</summary>
/// <param name="Extra">Other files of a multipart form by field name (e.g. "reference"), with their file names.</param>
public sealed record Upload(byte[] Content, string FileName, IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, (byte[] Content, string FileName)>? Extra = null)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
