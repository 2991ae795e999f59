namespace DataProductDashboard.Storage;

/// <summary>A content-addressed file; <see cref="Created"/> when this request wrote it.</summary>
public sealed record StoredFile(string Hash, string Path, bool Created);
