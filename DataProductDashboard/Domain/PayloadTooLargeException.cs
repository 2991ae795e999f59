namespace DataProductDashboard.Domain;

/// <summary>An upload larger than the configured limit.</summary>
public sealed class PayloadTooLargeException(long limitBytes)
    : DashboardException($"The upload is larger than the configured limit of {limitBytes / (1024 * 1024)} MB (Dashboard:MaxUploadMegabytes).")
{
    public override int StatusCode => 413;
    public override string Title => "Upload too large";
}
