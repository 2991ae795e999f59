namespace DataProductDashboard.Storage;

/// <summary>A content-addressed file; <see cref="Created"/> when this request wrote it (locally or to the shared copy),
/// so a failed transaction can remove it again.</summary>
public sealed record StoredFile(string Area, string Hash, string Extension, string Path, bool Created);
