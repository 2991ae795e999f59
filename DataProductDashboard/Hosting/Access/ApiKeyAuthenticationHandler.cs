using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DataProductDashboard.Services.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Hosting.Access;

/// <summary>Authenticates `Authorization: Bearer &lt;key&gt;` or `X-Api-Key: &lt;key&gt;`; its challenge and forbid answers
/// are problem details that say why (unknown, revoked or expired key; role or product outside the key's rights).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string FailureItem = "dpd:api_key_failure";

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } key)
            return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { Length: > 0 } presented)
            return AuthenticateResult.NoResult();
        var check = await keys.CheckAsync(presented, Context.RequestAborted);
        if (check.Key is not { } key)
        {
            Context.Items[FailureItem] = check.Failure;
            return AuthenticateResult.Fail(check.Failure!);
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role),
            new(AccessClaims.KeyId, key.Id.ToString(CultureInfo.InvariantCulture)),
        };
        if (key.ProductIds is { } products)
            claims.Add(new Claim(AccessClaims.Products, string.Join(',', products.Select(p => p.ToString(CultureInfo.InvariantCulture)))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[FailureItem] as string
            ?? (Request.Cookies.ContainsKey(AccessCookie.Name) ? AccessProblems.CookieWrites : AccessProblems.SignInOrKey);
        return AccessProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[ProductScopeHandler.FailureItem] as string
            ?? $"The API key '{Context.User.Identity?.Name}' has the role {Context.User.FindFirst(ClaimTypes.Role)?.Value}, which may not do this.";
        return AccessProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, detail);
    }
}
