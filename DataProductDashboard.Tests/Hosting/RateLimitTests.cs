using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using DataProductDashboard.Configuration;
using DataProductDashboard.Hosting;
using DataProductDashboard.Tests.Api;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.Hosting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Api_SixthCallWithALimitOfFive_Is429WithRetryAfterAndProblemDetails()
    {
        await using var factory = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Dashboard:RateLimits:ApiPerMinute"] = "5" });
        var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);
        var response = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ApiTestBase.Json);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains("5 API requests a minute", problem.GetProperty("detail").GetString());
        // Pages are not under the API policy.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Options_Defaults_AllowABusyPipeline()
    {
        await using var factory = new DashboardAppFactory();

        var bound = factory.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.True(bound.ApiPerMinute >= 1_000, $"ApiPerMinute {bound.ApiPerMinute}");
        Assert.True(new RateLimitOptions().ApiPerMinute >= 1_000);
        Assert.Equal(10, bound.SignInPerMinute);
        var bucket = DashboardRateLimitPolicy.ApiBucket(bound.ApiPerMinute);
        Assert.True(bucket.TokenLimit >= 1_000);
        Assert.True(bucket.TokensPerPeriod * (TimeSpan.FromMinutes(1) / bucket.ReplenishmentPeriod) >= 1_000);
    }

    [Fact]
    public void Options_ApiPerMinuteZero_FailsValidation()
    {
        var options = new RateLimitOptions { ApiPerMinute = 0 };

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), null, validateAllProperties: true);

        Assert.False(valid);
    }

    [Theory]
    [InlineData("k-17", "u-4", "key:k-17")]
    [InlineData(null, "u-4", "user:u-4")]
    [InlineData(null, null, "ip:10.1.2.3")]
    public void ApiPolicy_Caller_PartitionsOnKeyThenUserThenAddress(string? keyId, string? userId, string expected)
    {
        var claims = new List<Claim>();
        if (keyId is not null)
            claims.Add(new Claim(RateLimitPolicies.ApiKeyIdClaimType, keyId));
        if (userId is not null)
            claims.Add(new Claim(ClaimTypes.NameIdentifier, userId));
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, claims.Count > 0 ? "test" : null)) };
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");

        var partition = DashboardRateLimitPolicy.Api(new RateLimitOptions()).GetPartition(context);

        Assert.Equal(expected, partition.PartitionKey);
    }

    [Fact]
    public async Task SignInPolicy_EleventhAttemptFromOneAddress_IsRejectedWithRetryAfterAndProblemDetails()
    {
        var policy = DashboardRateLimitPolicy.SignIn(new RateLimitOptions());
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        context.Request.Method = HttpMethods.Post;
        var partition = policy.GetPartition(context);
        using var limiter = partition.Factory(partition.PartitionKey);

        var leases = Enumerable.Range(0, 11).Select(_ => limiter.AttemptAcquire()).ToList();
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await policy.OnRejected!(new OnRejectedContext { HttpContext = context, Lease = leases[^1] }, CancellationToken.None);

        Assert.Equal("ip:10.1.2.3", partition.PartitionKey);
        Assert.All(leases[..10], lease => Assert.True(lease.IsAcquired));
        Assert.False(leases[^1].IsAcquired);
        Assert.InRange(int.Parse(context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", context.Response.ContentType?.Split(';')[0]);
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains("10 sign-in attempts a minute", problem.GetProperty("detail").GetString());
    }
}
