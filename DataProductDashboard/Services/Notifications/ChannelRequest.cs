using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Notifications;

/// <summary>A channel to create, or the full new state of one to update.</summary>
/// <param name="Name">Required, at most 200 characters, unique within the product.</param>
/// <param name="Kind">Webhook or Email (in-app alerts are always on and need no channel).</param>
/// <param name="Target">Webhook: an absolute http(s) URL. Email: 1 to 20 addresses separated by commas.</param>
/// <param name="MinimumSeverity">Warning (default: every alert) or Critical (critical alerts only).</param>
/// <param name="Enabled">Default true.</param>
public sealed record ChannelRequest(string? Name, ChannelKind? Kind, string? Target, GateSeverity? MinimumSeverity = null, bool? Enabled = null);
