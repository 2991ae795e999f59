using System.Net;
using System.Text.RegularExpressions;

namespace DataProductDashboard.Bench;

/// <summary>An HttpClient signed in to the dashboard's pages the way a browser is: it GETs the sign-in form, posts it
/// back with the form's hidden fields (antiforgery token, handler) and the name and password under the names the form
/// gives its fields, and keeps the cookie. Redirects are not followed, so a page that sends the client back to the
/// sign-in form answers 302, not the form's 200.</summary>
public static partial class SignedInClient
{
    private const string LoginPath = "/account/login";

    public static async Task<HttpClient> CreateAsync(Uri baseAddress, string userName, string password, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            using var form = await client.GetAsync(LoginPath, ct);
            var html = await form.Content.ReadAsStringAsync(ct);
            if (form.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"GET {LoginPath} answered {(int)form.StatusCode}.");
            var fields = LoginFields(html, userName, password);
            using var body = new FormUrlEncodedContent(fields);
            using var answer = await client.PostAsync(LoginPath, body, ct);
            if (answer.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
                || answer.Headers.Location?.OriginalString.Contains(LoginPath, StringComparison.OrdinalIgnoreCase) != false)
                throw new InvalidOperationException($"Signing in as {userName} answered {(int)answer.StatusCode} (to {answer.Headers.Location}): " +
                    Shorten(await answer.Content.ReadAsStringAsync(ct)));
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The sign-in form's fields: every hidden input as rendered, the name and the password under the names of
    /// the inputs with the ids "login-name" and "login-password".</summary>
    private static List<KeyValuePair<string, string>> LoginFields(string html, string userName, string password)
    {
        var fields = new List<KeyValuePair<string, string>>();
        string? nameField = null, passwordField = null;
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (!attributes.TryGetValue("name", out var name))
                continue;
            if (attributes.GetValueOrDefault("type") == "hidden")
                fields.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
            else if (attributes.GetValueOrDefault("id") == "login-name")
                nameField = name;
            else if (attributes.GetValueOrDefault("id") == "login-password")
                passwordField = name;
        }
        if (nameField is null || passwordField is null || !fields.Any(f => f.Key == "__RequestVerificationToken"))
            throw new InvalidOperationException($"The sign-in form has no name, password or antiforgery field: {Shorten(html)}");
        fields.Add(new(nameField, userName));
        fields.Add(new(passwordField, password));
        return fields;
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"([\w:.\-]+)\s*=\s*""([^""]*)""")]
    private static partial Regex Attribute();
}
