using DataProductDashboard.Configuration;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Services.Trail;

/// <summary>Names the acting person: the configured user in the UI (no sign-in yet), the X-Dashboard-User header
/// (or "api") for API calls.</summary>
public sealed class ActorResolver(IOptions<DashboardOptions> options)
{
    public Actor Ui => new(options.Value.UserName);

    public static Actor FromRequest(HttpContext context)
    {
        var name = context.Request.Headers[Actor.HeaderName].ToString().Trim();
        return new Actor(string.IsNullOrEmpty(name) ? "api" : name.Length > 100 ? name[..100] : name);
    }
}
