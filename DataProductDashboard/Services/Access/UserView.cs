namespace DataProductDashboard.Services.Access;

/// <summary>A user as the Admin page and `users list` show them.</summary>
public sealed record UserView
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required bool MustChangePassword { get; init; }
    public required bool LockedOut { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? LastSignInAt { get; init; }
}
