namespace DataProductDashboard.Api;

/// <summary>An uploaded file read into memory, with the other form fields.</summary>
public sealed record Upload(byte[] Content, string FileName, IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
