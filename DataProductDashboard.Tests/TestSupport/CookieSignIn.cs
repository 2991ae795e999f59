using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Signs a test client in through the real sign-in form (antiforgery token included), as a browser would.</summary>
public static partial class CookieSignIn
{
    /// <summary>A client with a cookie jar, no API key and no automatic redirects.</summary>
    public static HttpClient CreateBrowserClient(this DashboardAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Posts the sign-in form; answers the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The sign-in page carries no antiforgery token.");
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A browser-like client signed in as a new user with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this DashboardAppFactory app, string role)
    {
        var (email, password) = await app.AddUserAsync(role);
        var client = app.CreateBrowserClient();
        var response = await PostSignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
