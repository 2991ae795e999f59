using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

public sealed class AdminApiTests : ApiTestBase
{
    [Fact]
    public async Task Routes_AdminKey_Allowed_ProductManagerKey403_Anonymous401()
    {
        await using var app = new DashboardAppFactory();
        var admin = app.CreateClient();
        var manager = app.CreateClientWithRole(DashboardRoles.ProductManager);
        var anonymous = app.CreateAnonymousClient();

        foreach (var path in new[] { "/api/admin/users", "/api/admin/keys" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
            await ProblemAsync(await manager.GetAsync(path), 403);
            await ProblemAsync(await anonymous.GetAsync(path), 401);
        }
        await ProblemAsync(await manager.PostAsJsonAsync("/api/admin/keys", new { name = "sneaky", role = "Admin" }, Json), 403);
        await ProblemAsync(await manager.DeleteAsync("/api/admin/users/admin"), 403);
        Assert.DoesNotContain("sneaky", await admin.GetStringAsync("/api/admin/keys"));
    }

    [Fact]
    public async Task PostUser_WithoutPassword_Returns201WithTheGeneratedPasswordOnce()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/admin/users", new { email = "viewer@example.test", roles = new[] { "viewer" } }, Json);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var list = await client.GetStringAsync("/api/admin/users");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("viewer@example.test", body.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(["Viewer"], body.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        var password = body.GetProperty("generatedPassword").GetString()!;
        Assert.Contains("viewer@example.test", list);
        Assert.DoesNotContain(password, list);
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("viewer@example.test"))!, password));
    }

    [Fact]
    public async Task PostUser_WithPassword_SignsInDirectly_NoGeneratedPassword()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/admin/users",
            new { email = "ds@example.test", roles = new[] { "DataScientist" }, password = "Correct-Horse-42" }, Json);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("generatedPassword").ValueKind);
        Assert.False(body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task PostUser_BadFields_Returns400NamingEachField()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var types = await ProblemAsync(await client.PostAsJsonAsync("/api/admin/users", new { email = 5, roles = "Viewer" }, Json), 400);
        var role = await ProblemAsync(await client.PostAsJsonAsync("/api/admin/users", new { email = "x@example.test", roles = new[] { "Boss" } }, Json), 400);
        var json = await ProblemAsync(await client.PostAsync("/api/admin/users", new StringContent("{ nope", Encoding.UTF8, "application/json")), 400);

        Assert.Equal(["email", "roles"], types.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("'Boss' is not a user role", role.GetProperty("errors").GetProperty("roles")[0].GetString());
        Assert.True(json.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task PutRolesAndDelete_LastAdmin_Return409_OtherUsersChange()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var (email, _) = await app.AddUserAsync(DashboardRoles.Viewer);

        var demote = await client.PutAsJsonAsync("/api/admin/users/admin/roles", new { roles = new[] { "Viewer" } }, Json);
        var removeAdmin = await client.DeleteAsync("/api/admin/users/admin");
        var promote = await client.PutAsJsonAsync($"/api/admin/users/{Uri.EscapeDataString(email)}/roles", new { roles = new[] { "ProductManager", "Viewer" } }, Json);
        var removeUser = await client.DeleteAsync($"/api/admin/users/{Uri.EscapeDataString(email)}");
        var removeAgain = await client.DeleteAsync($"/api/admin/users/{Uri.EscapeDataString(email)}");

        Assert.Contains("only Admin", (await ProblemAsync(demote, 409)).GetProperty("detail").GetString());
        Assert.Contains("only Admin", (await ProblemAsync(removeAdmin, 409)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(["ProductManager", "Viewer"], (await promote.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removeUser.StatusCode);
        await ProblemAsync(removeAgain, 404);
    }

    [Fact]
    public async Task PostKey_CreatedKeyWorksAsBearer_RevokedKeyGets401SayingRevoked()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/admin/keys", new { name = "pipeline", role = "Viewer", expires = "2099-12-31" }, Json);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var key = body.GetProperty("key").GetString()!;
        var bearer = app.CreateAnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var before = await bearer.GetAsync("/api/products");
        var revoke = await client.DeleteAsync("/api/admin/keys/pipeline");
        var after = await bearer.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("pipeline", body.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal(key[..12], body.GetProperty("apiKey").GetProperty("prefix").GetString());
        Assert.StartsWith("2099-12-31T23:59:59", body.GetProperty("apiKey").GetProperty("expiresAt").GetString());
        Assert.DoesNotContain(key, await client.GetStringAsync("/api/admin/keys"));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("Revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("state").GetString());
        Assert.Contains("was revoked", (await ProblemAsync(after, 401)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostKey_RestrictedToAProduct_ListsIt_AndBadFieldsReturn400ByField()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        var productId = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var created = await client.PostAsJsonAsync("/api/admin/keys", new { name = "ingest", role = "Ingest", productIds = new[] { productId } }, Json);
        var types = await ProblemAsync(await client.PostAsJsonAsync("/api/admin/keys", new { name = "x", role = "Viewer", productIds = new[] { "a" }, expires = "31.12.2099" }, Json), 400);
        var service = await ProblemAsync(await client.PostAsJsonAsync("/api/admin/keys", new { name = "ingest", role = "Root", productIds = new[] { 999 } }, Json), 400);
        var keys = await client.GetFromJsonAsync<JsonElement>("/api/admin/keys", Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "ingest");
        Assert.Equal([productId], listed.GetProperty("productIds").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(["expires", "productIds"], types.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(["name", "productIds", "role"], service.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await ProblemAsync(await client.DeleteAsync("/api/admin/keys/nope"), 404);
    }
}
