using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

public sealed class ProductsApiTests : ApiTestBase
{
    [Fact]
    public async Task Post_ValidProduct_Returns201AndIsListed()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/products", Json);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);

        Assert.Equal("Rentals", list[0].GetProperty("name").GetString());
        Assert.Equal("Regression", one.GetProperty("task").GetString());
        Assert.Equal(6, one.GetProperty("schema").GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public async Task Post_InvalidSchema_Returns400WithErrorsByField()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/products",
            new { name = "", task = "Regression", schema = new { columns = Array.Empty<object>() } }, Json);

        var problem = await ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("name", errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("schema.columns", errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Put_Details_RenamesAndRecordsTheChangeInTheTrail()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClientWithRole(DashboardRoles.ProductManager);
        var id = await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);

        var response = await client.PutAsJsonAsync($"/api/products/{id}", new { name = "Rentals EU", description = "Bikes in Europe", owner = "Mobility" }, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        Assert.Equal(("Rentals EU", "Bikes in Europe", "Mobility"),
            (product.GetProperty("name").GetString(), product.GetProperty("description").GetString(), product.GetProperty("owner").GetString()));
        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/trail", Json);
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "ProductUpdated" && e.GetProperty("before").GetString()!.Contains("'Rentals'"));
    }

    [Fact]
    public async Task Put_NameOfAnotherProduct_Returns400AndChangesNothing()
    {
        await using var app = new DashboardAppFactory();
        var client = app.CreateClient();
        await CreateProductAsync(client, "Rentals", TaskType.Regression, TestSchemas.Regression);
        var id = await CreateProductAsync(client, "Credit", TaskType.Regression, TestSchemas.Regression);

        var problem = await ProblemAsync(await client.PutAsJsonAsync($"/api/products/{id}", new { name = "Rentals" }, Json), 400);

        Assert.Equal("A data product named 'Rentals' already exists.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("Credit", (await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_UnknownProduct_Returns404ProblemDetails()
    {
        await using var app = new DashboardAppFactory();

        var problem = await ProblemAsync(await app.CreateClient().GetAsync("/api/products/999"), 404);

        Assert.Equal("Data product '999' was not found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404ProblemDetails()
    {
        await using var app = new DashboardAppFactory();

        await ProblemAsync(await app.CreateClient().GetAsync("/api/nothing-here"), 404);
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheEndpoints()
    {
        await using var app = new DashboardAppFactory();

        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/products", paths);
        Assert.Contains("/api/products/{productId}/batches", paths);
        Assert.Contains("/api/batches/{batchId}/predictions", paths);
        Assert.Contains("/api/products/{productId}/models/train", paths);
    }

    [Fact]
    public async Task Get_UnknownPageUrl_Returns404WithTheInAppNotFoundPage()
    {
        await using var app = new DashboardAppFactory();

        var response = await app.CreateClient().GetAsync("/this/is/nonsense");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not found", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Portfolio_ServesTheBlazorPage()
    {
        await using var app = new DashboardAppFactory();

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
