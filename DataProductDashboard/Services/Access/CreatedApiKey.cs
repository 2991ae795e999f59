namespace DataProductDashboard.Services.Access;

/// <summary>A new key: <see cref="Key"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyView View, string Key);
