namespace DataProductDashboard.Hosting.Access;

/// <summary>The sign-in cookie's name.</summary>
public static class AccessCookie
{
    public const string Name = ".DataProductDashboard.SignIn";
}
