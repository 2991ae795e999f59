namespace DataProductDashboard.Services.Access;

/// <summary>A new user; <see cref="GeneratedPassword"/> is set (and shown once) when no password was given.</summary>
public sealed record AddedUser(UserView User, string? GeneratedPassword);
