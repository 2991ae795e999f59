using System.Net;
using System.Net.Http.Headers;
using DataProductDashboard.Commands;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Commands;

/// <summary>The users / apikeys verbs, run in-process on a temp data folder, output captured.</summary>
public sealed class AccessCommandTests : IDisposable
{
    private const string Password = "Correct-Horse-42";
    private readonly TempDirectory _data = new();

    private string DataSetting => $"Dashboard:DataDirectory={_data.Path}";

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AccessCommand.RunAsync([.. args, DataSetting], output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static string LastLine(string text) => text.TrimEnd('\n', '\r').Split('\n')[^1].TrimEnd('\r');

    private async Task<CommandHost> HostAsync() => await CommandHost.StartAsync([DataSetting], CancellationToken.None);

    private async Task<DashboardUser> FindUserAsync(CommandHost host, string email) =>
        (await host.Services.GetRequiredService<UserManager<DashboardUser>>().FindByNameAsync(email))!;

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var (code, output, _) = await RunAsync("users", "--help");

        Assert.Equal(0, code);
        Assert.Contains("users add --email E --role R", output);
        Assert.Contains("apikeys create --name N --role R [--products 1,2] [--expires YYYY-MM-DD]", output);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsTwoNamingIt()
    {
        var (code, _, error) = await RunAsync("users", "promote", "--email", "a@b.test");

        Assert.Equal(AccessCommand.Usage, code);
        Assert.Contains("'users promote' is not a command", error);
    }

    [Fact]
    public async Task UsersAdd_WithPassword_UserSignsInWithItDirectly()
    {
        var (code, output, _) = await RunAsync("users", "add", "--email", "ana@example.test", "--role", "viewer", "--role", "DataScientist", "--password", Password);

        Assert.Equal(0, code);
        Assert.Contains("Added user ana@example.test with the roles DataScientist, Viewer.", output);
        Assert.DoesNotContain(Password, output);
        await using var host = await HostAsync();
        var users = host.Services.GetRequiredService<UserManager<DashboardUser>>();
        var user = await FindUserAsync(host, "ana@example.test");
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.False(user.MustChangePassword);
        Assert.Equal([DashboardRoles.DataScientist, DashboardRoles.Viewer], (await users.GetRolesAsync(user)).Order());
    }

    [Fact]
    public async Task UsersAdd_WithoutPassword_PrintsAOneTimePasswordAloneOnTheLastLine()
    {
        var (code, output, _) = await RunAsync("users", "add", "--email", "ben@example.test", "--role", "Admin");

        Assert.Equal(0, code);
        Assert.Contains("shown only now", output);
        var password = LastLine(output);
        await using var host = await HostAsync();
        var user = await FindUserAsync(host, "ben@example.test");
        Assert.True(await host.Services.GetRequiredService<UserManager<DashboardUser>>().CheckPasswordAsync(user, password));
        Assert.True(user.MustChangePassword);
    }

    [Theory]
    [InlineData("--role", "Boss", "'Boss' is not a role")]
    [InlineData("--role", "Ingest", "'Ingest' is not a role")]
    [InlineData("--password", Password, "--role is required")]
    public async Task UsersAdd_BadRoles_ExitsTwoWithTheReason(string option, string value, string message)
    {
        var (code, output, error) = await RunAsync("users", "add", "--email", "c@example.test", option, value);

        Assert.Equal(AccessCommand.Usage, code);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task UsersAdd_MissingEmail_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("users", "add", "--role", "Viewer");

        Assert.Equal(AccessCommand.Usage, code);
        Assert.Contains("--email is required", error);
    }

    [Fact]
    public async Task UsersAdd_ExistingEmailOrWeakPassword_ExitsOneWithTheServiceMessage()
    {
        await RunAsync("users", "add", "--email", "d@example.test", "--role", "Viewer", "--password", Password);

        var duplicate = await RunAsync("users", "add", "--email", "d@example.test", "--role", "Viewer", "--password", Password);
        var weak = await RunAsync("users", "add", "--email", "e@example.test", "--role", "Viewer", "--password", "short");

        Assert.Equal(AccessCommand.Refused, duplicate.Code);
        Assert.Contains("A user 'd@example.test' already exists.", duplicate.Err);
        Assert.Equal(AccessCommand.Refused, weak.Code);
        Assert.Contains("at least 12 characters", weak.Err);
    }

    [Fact]
    public async Task UsersList_ShowsEveryUserWithRolesAndState()
    {
        await RunAsync("users", "add", "--email", "f@example.test", "--role", "Admin", "--password", Password);
        await RunAsync("users", "add", "--email", "g@example.test", "--role", "ProductManager");

        var (code, output, _) = await RunAsync("users", "list");

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("EMAIL", lines[0]);
        Assert.Matches(@"^f@example\.test\s+Admin\s+no\s+no\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+-$", lines[1].TrimEnd());
        Assert.Matches(@"^g@example\.test\s+ProductManager\s+yes\s+no\s", lines[2]);
    }

    [Fact]
    public async Task UsersRoles_ReplacesTheRoles()
    {
        await RunAsync("users", "add", "--email", "h@example.test", "--role", "Admin", "--password", Password);
        await RunAsync("users", "add", "--email", "i@example.test", "--role", "Viewer", "--password", Password);

        var (code, output, _) = await RunAsync("users", "roles", "--email", "i@example.test", "--role", "ProductManager", "--role", "Admin");

        Assert.Equal(0, code);
        Assert.Contains("The roles of i@example.test are now Admin, ProductManager", output);
    }

    [Fact]
    public async Task UsersRolesAndRemove_LastAdmin_ExitsOneAndKeepsTheAdmin()
    {
        await RunAsync("users", "add", "--email", "j@example.test", "--role", "Admin", "--password", Password);

        var demote = await RunAsync("users", "roles", "--email", "j@example.test", "--role", "Viewer");
        var remove = await RunAsync("users", "remove", "--email", "j@example.test");

        Assert.Equal(AccessCommand.Refused, demote.Code);
        Assert.Contains("it is the only Admin", demote.Err);
        Assert.Equal(AccessCommand.Refused, remove.Code);
        Assert.Contains("Cannot remove j@example.test: it is the only Admin", remove.Err);
        Assert.Contains("j@example.test  Admin", (await RunAsync("users", "list")).Out);
    }

    [Fact]
    public async Task UsersRemove_AnotherUser_RemovesIt_AndAnUnknownOneExitsOne()
    {
        await RunAsync("users", "add", "--email", "k@example.test", "--role", "Admin", "--password", Password);
        await RunAsync("users", "add", "--email", "l@example.test", "--role", "Viewer", "--password", Password);

        var removed = await RunAsync("users", "remove", "--email", "l@example.test");
        var unknown = await RunAsync("users", "remove", "--email", "nobody@example.test");

        Assert.Equal(0, removed.Code);
        Assert.DoesNotContain("l@example.test", (await RunAsync("users", "list")).Out);
        Assert.Equal(AccessCommand.Refused, unknown.Code);
        Assert.Contains("User 'nobody@example.test' was not found.", unknown.Err);
    }

    [Fact]
    public async Task UsersResetPassword_PrintsANewOneTimePasswordLast_TheOldOneStopsWorking()
    {
        await RunAsync("users", "add", "--email", "m@example.test", "--role", "Viewer", "--password", Password);

        var (code, output, _) = await RunAsync("users", "reset-password", "--email", "m@example.test");

        Assert.Equal(0, code);
        await using var host = await HostAsync();
        var users = host.Services.GetRequiredService<UserManager<DashboardUser>>();
        var user = await FindUserAsync(host, "m@example.test");
        Assert.True(await users.CheckPasswordAsync(user, LastLine(output)));
        Assert.False(await users.CheckPasswordAsync(user, Password));
        Assert.True(user.MustChangePassword);
    }

    [Fact]
    public async Task ApikeysCreate_PrintsTheKeyAloneOnTheLastLine_AndTheKeyIsValid()
    {
        var (code, output, _) = await RunAsync("apikeys", "create", "--name", "nightly", "--role", "ingest", "--expires", "2099-12-31");

        Assert.Equal(0, code);
        Assert.EndsWith("\n", output);
        var key = LastLine(output);
        Assert.Matches("^dpd_[A-Za-z0-9_-]{43}$", key);
        Assert.Single(output.Split('\n'), l => l.Contains(key, StringComparison.Ordinal));
        Assert.Contains("role Ingest for every product, valid until 2099-12-31 23:59Z", output);
        await using var host = await HostAsync();
        var check = await host.Services.GetRequiredService<ApiKeyService>().CheckAsync(key, CancellationToken.None);
        Assert.Equal("nightly", check.Key?.Name);
        Assert.Equal(DashboardRoles.Ingest, check.Key?.Role);
        Assert.StartsWith("cli:", check.Key?.CreatedBy);
    }

    [Theory]
    [InlineData("--expires", "31.12.2099", "--expires '31.12.2099' is not a date; use YYYY-MM-DD")]
    [InlineData("--products", "1,x", "'x' is not a product id")]
    [InlineData("--role", "Root", "'Root' is not a role")]
    public async Task ApikeysCreate_MalformedOption_ExitsTwoNamingIt(string option, string value, string message)
    {
        string[] args = option == "--role" ? ["apikeys", "create", "--name", "n", option, value] : ["apikeys", "create", "--name", "n", "--role", "Viewer", option, value];

        var (code, output, error) = await RunAsync(args);

        Assert.Equal(AccessCommand.Usage, code);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task ApikeysCreate_DuplicateNamePastDateOrUnknownProduct_ExitsOne()
    {
        await RunAsync("apikeys", "create", "--name", "ci", "--role", "Viewer");

        var duplicate = await RunAsync("apikeys", "create", "--name", "ci", "--role", "Viewer");
        var past = await RunAsync("apikeys", "create", "--name", "old", "--role", "Viewer", "--expires", "2001-01-01");
        var product = await RunAsync("apikeys", "create", "--name", "p", "--role", "Ingest", "--products", "999");

        Assert.Equal(AccessCommand.Refused, duplicate.Code);
        Assert.Contains("An API key named 'ci' already exists", duplicate.Err);
        Assert.Equal(AccessCommand.Refused, past.Code);
        Assert.Contains("The expiry 2001-01-01 is not in the future.", past.Err);
        Assert.Equal(AccessCommand.Refused, product.Code);
        Assert.Contains("No data product has id 999.", product.Err);
        Assert.Equal("", duplicate.Out + past.Out + product.Out);
    }

    [Fact]
    public async Task ApikeysListAndRevoke_ShowPrefixAndStateButNeverTheKey()
    {
        var key = LastLine((await RunAsync("apikeys", "create", "--name", "reader", "--role", "Viewer")).Out);

        var revoked = await RunAsync("apikeys", "revoke", "--name", "reader");
        var again = await RunAsync("apikeys", "revoke", "--name", "reader");
        var list = await RunAsync("apikeys", "list");

        Assert.Equal(0, revoked.Code);
        Assert.Contains("Revoked the API key 'reader'", revoked.Out);
        Assert.Equal(AccessCommand.Refused, again.Code);
        Assert.Contains("was already revoked", again.Err);
        var lines = list.Out.TrimEnd().Split('\n');
        Assert.Matches(@"^NAME\s+PREFIX\s+ROLE\s+PRODUCTS\s+EXPIRES\s+LAST USED\s+STATE$", lines[0]);
        Assert.Matches($@"^reader\s+{key[..12]}\s+Viewer\s+all\s+-\s+-\s+Revoked$", lines[1]);
        Assert.DoesNotContain(key, list.Out);
    }

    [Fact]
    public async Task ApikeysCreate_WhileTheAppRuns_TheKeyWorksAtOnceAndRevokingItGives401()
    {
        await using var app = new DashboardAppFactory();
        using var client = app.CreateAnonymousClient();
        using var output = new StringWriter();
        var args = new[] { "apikeys", "create", "--name", "live", "--role", "Viewer", $"Dashboard:DataDirectory={app.DataPath}" };

        Assert.Equal(0, await AccessCommand.RunAsync(args, output, TextWriter.Null, CancellationToken.None));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LastLine(output.ToString()));
        var allowed = await client.GetAsync("/api/products");
        Assert.Equal(0, await AccessCommand.RunAsync(["apikeys", "revoke", "--name", "live", $"Dashboard:DataDirectory={app.DataPath}"],
            TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var refused = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task RunAsync_FreshDataFolder_MigratesTheStore()
    {
        var (code, output, _) = await RunAsync("apikeys", "list");

        Assert.Equal(0, code);
        Assert.Contains("No API keys yet", output);
        Assert.True(File.Exists(Path.Combine(_data.Path, "dashboard.db")));
    }

    public void Dispose() => _data.Dispose();
}
