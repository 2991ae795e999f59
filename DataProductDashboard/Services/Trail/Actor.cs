using System.Security.Claims;
using DataProductDashboard.Services.Access;

namespace DataProductDashboard.Services.Trail;

/// <summary>Who did something, as recorded in the audit trail and on alerts: the signed-in user's name, or
/// "key:&lt;name&gt;" for an API key.</summary>
public readonly record struct Actor(string Name)
{
    public const string KeyPrefix = "key:";
    public static Actor System { get; } = new("system");

    /// <summary>The caller a request or a circuit is authenticated as; an unauthenticated principal never reaches a
    /// change (every changing endpoint and page requires a role), so it is refused here rather than named.</summary>
    public static Actor From(ClaimsPrincipal user)
    {
        var name = user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } n } ? n
            : throw new InvalidOperationException("An unauthenticated caller cannot be recorded as an actor.");
        return new Actor(user.IsApiKey() ? KeyPrefix + name : name);
    }

    public override string ToString() => Name;
}
