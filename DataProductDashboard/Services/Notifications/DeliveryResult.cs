namespace DataProductDashboard.Services.Notifications;

/// <summary>How one delivery through a channel went: attempts made, the final status (HTTP status of the last webhook
/// attempt, or the SMTP reply code), the error when it failed, and the time all attempts took.</summary>
public sealed record DeliveryResult(bool Succeeded, int Attempts, int? StatusCode, string? Error, double DurationMs)
{
    /// <summary>Errors are stored and shown: a short reason (the receiver's answer body is never kept).</summary>
    public const int MaxErrorLength = 500;

    public static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 1)] + "…";
}
