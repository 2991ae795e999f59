namespace DataProductDashboard.Services.Notifications;

/// <summary>A webhook was not sent because its host resolves to the host itself or its network (see
/// <see cref="WebhookTargetGuard"/>). Not retried.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
