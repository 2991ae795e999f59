namespace DataProductDashboard.Services.Trail;

/// <summary>Who did something, as recorded in the audit trail and on alerts.</summary>
public readonly record struct Actor(string Name)
{
    public const string HeaderName = "X-Dashboard-User";
    public static Actor System { get; } = new("system");

    public override string ToString() => Name;
}
