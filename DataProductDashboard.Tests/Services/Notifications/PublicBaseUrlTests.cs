using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class PublicBaseUrlTests
{
    [Theory]
    [InlineData("https://dash.example.org/", new[] { "http://127.0.0.1:5077" }, "https://dash.example.org")]
    [InlineData(null, new[] { "http://127.0.0.1:5077" }, "http://127.0.0.1:5077")]
    [InlineData("", new[] { "http://127.0.0.1:5077/" }, "http://127.0.0.1:5077")]
    [InlineData(null, new[] { "http://0.0.0.0:8080", "https://0.0.0.0:8443" }, "https://build-host:8443")]
    [InlineData(null, new[] { "http://[::]:80" }, "http://build-host:80")]
    [InlineData(null, new[] { "http://+:5000" }, "http://build-host:5000")]
    [InlineData(null, new[] { "http://*:5000" }, "http://build-host:5000")]
    [InlineData(null, new[] { "http://[::1]:5077" }, "http://[::1]:5077")]
    [InlineData(null, new string[0], PublicBaseUrl.Fallback)]
    public void Choose_ConfiguredOrListening_GivesTheAddressPeopleOpen(string? configured, string[] addresses, string expected)
    {
        Assert.Equal(expected, PublicBaseUrl.Choose(configured, addresses, "build-host"));
    }
}
