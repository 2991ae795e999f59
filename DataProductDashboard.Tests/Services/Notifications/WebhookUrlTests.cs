using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://user:pass@hooks.example.test/a?b=c", "https://***@hooks.example.test/a?b=c")]
    [InlineData("https://token@hooks.example.test", "https://***@hooks.example.test")]
    [InlineData("http://a:b@c@127.0.0.1:9/x@y", "http://***@127.0.0.1:9/x@y")]
    [InlineData("https://hooks.example.test/a?mail=x@y.test", "https://hooks.example.test/a?mail=x@y.test")]
    [InlineData("https://hooks.example.test/", "https://hooks.example.test/")]
    [InlineData("not a url", "not a url")]
    public void Mask_Url_HidesOnlyTheCredentials(string url, string expected)
    {
        Assert.Equal(expected, WebhookUrl.Mask(url));
    }

    [Fact]
    public void Authority_UrlWithCredentials_IsHostAndPortOnly()
    {
        Assert.Equal("127.0.0.1:9", WebhookUrl.Authority("http://user:pass@127.0.0.1:9/x"));
    }
}
