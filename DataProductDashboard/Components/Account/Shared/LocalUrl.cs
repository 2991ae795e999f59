namespace DataProductDashboard.Components.Account.Shared;

/// <summary>A return URL is followed only when it stays on this site (no "//host" or "/\host" tricks).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || u[1] is not ('/' or '\\')) && !u.Contains("://", StringComparison.Ordinal) ? u : "/";
}
