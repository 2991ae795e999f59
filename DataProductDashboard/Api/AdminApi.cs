using DataProductDashboard.Api.Contracts;
using DataProductDashboard.Domain;
using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/admin: users (list, add, set roles, remove) and API keys (list, create, revoke), Admins only. A
/// generated password and a new key are in the answer of the request that made them, and nowhere else, ever.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").RequireAuthorization(DashboardPolicies.Admin).WithTags("Admin");
        group.MapGet("/users", ListUsersAsync).WithName("ListUsers")
            .WithSummary("Every user with roles, must-change-password, lockout, creation and last sign-in.");
        group.MapPost("/users", AddUserAsync).WithName("AddUser").AcceptsJson<Contracts.AddUserRequest>()
            .WithSummary("Add a user: { email, roles[], password? }; without a password the answer carries a generated one-time password (once).");
        group.MapPut("/users/{email}/roles", SetRolesAsync).WithName("SetUserRoles").AcceptsJson<Contracts.SetRolesRequest>()
            .WithSummary("Replace a user's roles: { roles[] }; the last Admin keeps the Admin role (409).");
        group.MapDelete("/users/{email}", RemoveUserAsync).WithName("RemoveUser")
            .WithSummary("Remove a user; the last Admin cannot be removed (409).");
        group.MapGet("/keys", ListKeysAsync).WithName("ListApiKeys")
            .WithSummary("Every API key: name, prefix, role, products, created, expiry, last use, state; never the key.");
        group.MapPost("/keys", CreateKeyAsync).WithName("CreateApiKey").AcceptsJson<CreateApiKeyRequest>()
            .WithSummary("Create a key: { name, role, productIds?, expires? (YYYY-MM-DD, last valid day, UTC) }; the answer carries the key (once).");
        group.MapDelete("/keys/{name}", RevokeKeyAsync).WithName("RevokeApiKey")
            .WithSummary("Revoke a key: requests with it get 401 from now on.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> ListUsersAsync(UserAdminService users, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(ct));

    private static async Task<Created<AddedUser>> AddUserAsync(HttpContext context, UserAdminService users, CancellationToken ct)
    {
        string? email;
        IReadOnlyList<string>? roles;
        string? password;
        using (var body = await JsonBody.ReadAsync(context.Request, ct))
        {
            email = body.String("email", required: true);
            roles = body.Strings("roles", required: true);
            password = body.String("password");
            body.ThrowIfInvalid("user");
        }
        var added = await UserFieldsAsync(users.AddAsync(email!, roles!, password, Actor.From(context.User), ct));
        return TypedResults.Created((string?)null, added);
    }

    private static async Task<Ok<UserView>> SetRolesAsync(string email, HttpContext context, UserAdminService users, CancellationToken ct)
    {
        IReadOnlyList<string>? roles;
        using (var body = await JsonBody.ReadAsync(context.Request, ct))
        {
            roles = body.Strings("roles", required: true);
            body.ThrowIfInvalid("role change");
        }
        return TypedResults.Ok(await UserFieldsAsync(users.SetRolesAsync(email, roles!, Actor.From(context.User), ct)));
    }

    private static async Task<NoContent> RemoveUserAsync(string email, HttpContext context, UserAdminService users, CancellationToken ct)
    {
        await users.RemoveAsync(email, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListKeysAsync(ApiKeyService keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(ct));

    private static async Task<Created<CreatedKeyResponse>> CreateKeyAsync(HttpContext context, ApiKeyService keys, CancellationToken ct)
    {
        CreateApiKeyRequest request;
        using (var body = await JsonBody.ReadAsync(context.Request, ct))
        {
            request = new CreateApiKeyRequest(body.String("name", required: true) ?? "", body.String("role", required: true) ?? "",
                body.Integers("productIds"), body.Date("expires"));
            body.ThrowIfInvalid("API key");
        }
        // The key service names the products field "products"; the body calls it "productIds".
        var created = await RenamingAsync(keys.CreateAsync(request, Actor.From(context.User), ct), "products", "productIds");
        return TypedResults.Created((string?)null, new CreatedKeyResponse(created.View, created.Key));
    }

    private static async Task<Ok<ApiKeyView>> RevokeKeyAsync(string name, HttpContext context, ApiKeyService keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.RevokeAsync(name, Actor.From(context.User), ct));

    /// <summary>The user service names the roles field "role"; the body calls it "roles".</summary>
    private static Task<T> UserFieldsAsync<T>(Task<T> work) => RenamingAsync(work, "role", "roles");

    /// <summary>A service's validation errors keyed by the body's field names.</summary>
    private static async Task<T> RenamingAsync<T>(Task<T> work, string from, string to)
    {
        try
        {
            return await work;
        }
        catch (InputValidationException ex)
        {
            throw new InputValidationException(ex.Message, ex.Errors.ToDictionary(e => e.Key == from ? to : e.Key, e => e.Value));
        }
    }
}
