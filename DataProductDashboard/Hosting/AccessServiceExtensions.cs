using DataProductDashboard.Components.Shared;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DataProductDashboard.Hosting;

/// <summary>Users (ASP.NET Core Identity, cookie sign-in), API keys, the role policies and the account endpoints.</summary>
public static class AccessServiceExtensions
{
    private const string DashboardScheme = "Dashboard";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<ActorResolver>();
        services.AddScoped<RoleGuard>();
        services.AddDashboardUserStore();
        services.AddSingleton<IAuthorizationHandler, ProductScopeHandler>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = DashboardScheme;
                o.DefaultChallengeScheme = DashboardScheme;
                o.DefaultForbidScheme = DashboardScheme;
            })
            .AddPolicyScheme(DashboardScheme, "Sign-in cookie or API key", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AccessCookie.Name;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Events.OnRedirectToLogin = c => AccessProblems.IsApi(c.HttpContext)
                ? AccessProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, AccessProblems.SignInOrKey)
                : Redirect(c);
            o.Events.OnRedirectToAccessDenied = c => AccessProblems.IsApi(c.HttpContext)
                ? AccessProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, $"Your roles ({RolesOf(c.HttpContext)}) may not do this.")
                : Redirect(c);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder().AddDashboardPolicies();
        return services;
    }

    /// <summary>Users (Identity's stores in the dashboard database, its password and lockout rules) and API keys, with the
    /// services that manage them; no authentication. <see cref="AddDashboardAccess"/> calls it; UI tests call it alone.</summary>
    /// <summary>The application name of the data-protection key ring: payloads protected by one instance unprotect on another.</summary>
    public const string DataProtectionApplicationName = "DataProductDashboard";

    public static IServiceCollection AddDashboardUserStore(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<UserPreferenceService>();
        services.AddSingleton<InitialAdmin>();
        // Sign-in cookies, antiforgery and password-reset tokens are protected data. The key ring lives in the dashboard's
        // database (not the machine's profile folder), so a cookie issued by one instance is read by every other one on
        // the same database, and survives moving the app to another machine. One application name for every instance.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<DashboardDbContext>();
        services.AddIdentityCore<DashboardUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DashboardClaimsPrincipalFactory>();
        return services;
    }

    private static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in DashboardPolicies.Roles)
        {
            authorization.AddPolicy(name, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(Domain.DashboardRoles.Split(roles));
                if (name == DashboardPolicies.Read)
                    policy.AddRequirements(new ProductScopeRequirement());
            });
        }
        return authorization;
    }

    /// <summary>Authentication, authorization, and the first-password gate; call after routing, before antiforgery.</summary>
    public static WebApplication UseDashboardAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeGate>();
        return app;
    }

    /// <summary>A key (header) picks the key scheme; the API's unsafe methods never accept the cookie, so a cross-site
    /// form cannot change anything through it; everything else reads the sign-in cookie.</summary>
    private static string SelectScheme(HttpContext context) =>
        ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null
        || AccessProblems.IsApi(context) && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            ? ApiKeyAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static string RolesOf(HttpContext context) =>
        string.Join(", ", context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).DefaultIfEmpty("none"));
}
