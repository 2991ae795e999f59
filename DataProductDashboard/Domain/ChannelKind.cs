namespace DataProductDashboard.Domain;

/// <summary>How alerts reach people: in the app (always on), an HTTP webhook, or e-mail over SMTP.</summary>
public enum ChannelKind { InApp, Webhook, Email }
