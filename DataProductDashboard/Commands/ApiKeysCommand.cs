using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.Commands;

/// <summary>apikeys create | list | revoke, on <see cref="ApiKeyService"/>.</summary>
public sealed class ApiKeysCommand(IServiceProvider services, Actor actor, TextWriter output)
{
    /// <summary>Each verb and the options it takes.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Options = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["create"] = ["name", "role", "products", "expires"],
        ["list"] = [],
        ["revoke"] = ["name"],
    };

    private readonly ApiKeyService _keys = services.GetRequiredService<ApiKeyService>();

    public Task<int> RunAsync(string verb, CommandArguments args, CancellationToken ct) => verb switch
    {
        "create" => CreateAsync(args, ct),
        "list" => ListAsync(ct),
        "revoke" => RevokeAsync(args, ct),
        _ => throw new CommandUsageException($"'apikeys {verb}' is not a command."),
    };

    /// <summary>The key goes alone on the last line, nothing after it: scripts read it with <c>tail -1</c>.</summary>
    private async Task<int> CreateAsync(CommandArguments args, CancellationToken ct)
    {
        var name = args.Required("name");
        var roles = args.Roles(DashboardRoles.KeyRoles);
        if (roles.Count > 1)
            throw new CommandUsageException("An API key holds one role; give --role once.");
        var created = await _keys.CreateAsync(new CreateApiKeyRequest(name, roles[0], args.ProductIds(), args.Date("expires")), actor, ct);
        var key = created.View;
        await output.WriteLineAsync($"Created the API key '{key.Name}' ({key.Prefix}…) with the role {key.Role} for {Products(key)}, {Expiry(key)}.");
        await output.WriteLineAsync("Send it as 'Authorization: Bearer <key>'. It is shown only now and stored only as a hash:");
        await output.WriteLineAsync(created.Key);
        return 0;
    }

    private async Task<int> ListAsync(CancellationToken ct)
    {
        var keys = await _keys.ListAsync(ct);
        if (keys.Count == 0)
        {
            await output.WriteLineAsync("No API keys yet: create one with 'apikeys create --name N --role R'.");
            return 0;
        }
        await TextTable.WriteAsync(output, ["NAME", "PREFIX", "ROLE", "PRODUCTS", "EXPIRES", "LAST USED", "STATE"],
            keys.Select(k => (IReadOnlyList<string>)[k.Name, k.Prefix, k.Role, k.ProductIds is { } ids ? Ids(ids) : "all",
                TextTable.Time(k.ExpiresAt), TextTable.Time(k.LastUsedAt), k.State]));
        return 0;
    }

    private async Task<int> RevokeAsync(CommandArguments args, CancellationToken ct)
    {
        var key = await _keys.RevokeAsync(args.Required("name"), actor, ct);
        await output.WriteLineAsync($"Revoked the API key '{key.Name}' ({key.Prefix}…): requests with it now get 401.");
        return 0;
    }

    private static string Products(ApiKeyView key) => key.ProductIds is { } ids ? $"the products {Ids(ids)}" : "every product";

    private static string Expiry(ApiKeyView key) => key.ExpiresAt is { } at ? $"valid until {TextTable.Time(at)}" : "without expiry";

    private static string Ids(IReadOnlyList<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
