using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Helpers shared by the API tests: JSON options, product creation, uploads, problem details.</summary>
public abstract class ApiTestBase
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected static async Task<int> CreateProductAsync(HttpClient client, string name, TaskType task, ProductSchema schema)
    {
        var response = await client.PostAsJsonAsync("/api/products", new CreateProductRequest(name, "api test", "tests", task, schema), Json);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }

    protected static MultipartFormDataContent Multipart(byte[] file, string fileName, string contentType, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }

    protected static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    /// <summary>Trains v1 through the API and waits for the job to finish.</summary>
    protected static async Task<int> CreateTrainedRegressionProductAsync(HttpClient client, string name = "Rentals")
    {
        var id = await CreateProductAsync(client, name, TaskType.Regression, TestSchemas.Regression);
        var response = await client.PostAsync($"/api/products/{id}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.RegressionCsv(200)), "train.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var job = await WaitForJobAsync(client, response.Headers.Location!.ToString());
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        return id;
    }

    protected static async Task<JsonElement> WaitForJobAsync(HttpClient client, string statusUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(statusUrl, Json);
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed" || DateTime.UtcNow > deadline)
                return job;
            await Task.Delay(50);
        }
    }

    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
