using DataProductDashboard.Components.Shared;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Components.Authorization;

namespace DataProductDashboard.Components.Shared;

/// <summary>The signed-in user of this circuit as the actor that services record (scoped: one per circuit).</summary>
public sealed class ActorResolver(AuthenticationStateProvider authentication)
{
    /// <summary>The authentication state of a Blazor Server circuit is set before any component renders, so it is
    /// always complete here.</summary>
    public Actor Ui => authentication.GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state
        ? Actor.From(state.Result.User)
        : throw new InvalidOperationException("The circuit's user is not known yet.");
}
