using DataProductDashboard.Configuration;
using DataProductDashboard.Services.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.Services.Notifications;

/// <summary>Save-time checks of URL spellings and send-time resolution of IP literals and localhost names only: no
/// DNS query for any other name and no connection is made here.</summary>
public sealed class WebhookTargetGuardTests
{
    private const string Advice = "webhooks may not target the host or its private network (allow it in Notifications:AllowedWebhookHosts)";

    private static WebhookTargetGuard Guard(params string[] allowed) =>
        new(Options.Create(new NotificationOptions { AllowedWebhookHosts = allowed }), NullLogger<WebhookTargetGuard>.Instance);

    [Theory]
    [InlineData("http://127.0.0.1:9/", "127.0.0.1", "a loopback address")]
    [InlineData("http://2130706433/", "127.0.0.1", "a loopback address")]
    [InlineData("http://0x7f000001/", "127.0.0.1", "a loopback address")]
    [InlineData("http://0x7f.0.0.1/", "127.0.0.1", "a loopback address")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1", "a loopback address")]
    [InlineData("http://017700000001/", "127.0.0.1", "a loopback address")]
    [InlineData("http://127.1/", "127.0.0.1", "a loopback address")]
    [InlineData("http://１２７。０。０。１/", "127.0.0.1", "a loopback address")]
    [InlineData("http://[::1]/", "::1", "a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1", "a loopback address")]
    [InlineData("http://[::ffff:7f00:1]/", "::ffff:127.0.0.1", "a loopback address")]
    [InlineData("http://[0:0:0:0:0:ffff:127.0.0.1]/", "::ffff:127.0.0.1", "a loopback address")]
    [InlineData("http://[::127.0.0.1]/", "::127.0.0.1", "a loopback address")]
    [InlineData("http://0.0.0.0/", "0.0.0.0", "an unspecified address")]
    [InlineData("http://0/", "0.0.0.0", "an unspecified address")]
    [InlineData("http://[::]/", "::", "an unspecified address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "a link-local address")]
    [InlineData("http://[fe80::1%25eth0]/", "fe80::1", "a link-local address")]
    [InlineData("http://10.1/", "10.0.0.1", "a private-network address")]
    [InlineData("https://172.20.1.2:8443/hook", "172.20.1.2", "a private-network address")]
    [InlineData("http://192.168.0.10/", "192.168.0.10", "a private-network address")]
    [InlineData("http://[fd00::5]/", "fd00::5", "a private-network address")]
    [InlineData("http://[::ffff:10.0.0.1]/", "::ffff:10.0.0.1", "a private-network address")]
    [InlineData("http://100.64.1.1/", "100.64.1.1", "a carrier-grade NAT address (100.64.0.0/10)")]
    [InlineData("http://224.0.0.251/", "224.0.0.251", "a multicast address")]
    [InlineData("http://[ff02::1]/", "ff02::1", "a multicast address")]
    [InlineData("http://255.255.255.255/", "255.255.255.255", "the broadcast address")]
    [InlineData("http://4294967295/", "255.255.255.255", "the broadcast address")]
    public void TargetError_BlockedIpLiteral_NamesTheUrlTheAddressAndTheReason(string url, string address, string reason)
    {
        Assert.Equal($"{url} resolves to {address}, {reason}; {Advice}", Guard().TargetError(url));
    }

    [Theory]
    [InlineData("http://localhost/", "localhost")]
    [InlineData("http://LocalHost:8080/x", "localhost")]
    [InlineData("http://localhost./", "localhost.")]
    [InlineData("https://admin.localhost/", "admin.localhost")]
    public void TargetError_LocalhostName_IsRefusedWithoutDns(string url, string host)
    {
        Assert.Equal($"{url} names {host}, a loopback address; {Advice}", Guard().TargetError(url));
    }

    [Fact]
    public void TargetError_Credentials_AreMaskedInTheMessage()
    {
        Assert.Equal($"http://***@127.0.0.1:9/ resolves to 127.0.0.1, a loopback address; {Advice}", Guard().TargetError("http://user:pass@127.0.0.1:9/"));
    }

    [Theory]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:4700::1]/hook")]
    [InlineData("http://172.32.0.1/")]
    [InlineData("https://hooks.example.test/needs-dns-at-send-time")]
    public void TargetError_PublicAddressOrHostName_IsAccepted(string url)
    {
        Assert.Null(Guard().TargetError(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]:9/", "127.0.0.1")]
    [InlineData("http://2130706433/", "127.0.0.0/8")]
    [InlineData("http://10.20.3.4/", "10.20.0.0/16")]
    [InlineData("http://[fd00::5]/", "fd00::/8")]
    [InlineData("http://localhost:5000/", "localhost")]
    [InlineData("http://hooks.internal./", "HOOKS.internal")]
    public void TargetError_AllowedHostOrRange_IsAccepted(string url, string allowed)
    {
        Assert.Null(Guard(allowed).TargetError(url));
    }

    [Fact]
    public void TargetError_AllowListForOneAddress_StillRefusesItsNeighbours()
    {
        Assert.NotNull(Guard("127.0.0.1").TargetError("http://127.0.0.2/"));
        Assert.NotNull(Guard("10.20.0.0/16").TargetError("http://10.21.0.1/"));
        Assert.NotNull(Guard("hooks.internal").TargetError("http://localhost/"));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 resolves to 127.0.0.1, a loopback address")]
    [InlineData("::1", "::1 resolves to ::1, a loopback address")]
    [InlineData("[::ffff:169.254.169.254]", "::ffff:169.254.169.254 resolves to ::ffff:169.254.169.254, a link-local address")]
    [InlineData("localhost", "localhost names localhost, a loopback address")]
    [InlineData("x.localhost", "x.localhost names x.localhost, a loopback address")]
    public async Task ResolveAsync_BlockedLiteralOrLocalhost_Throws(string host, string reason)
    {
        var ex = await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => Guard().ResolveAsync(host, CancellationToken.None));

        Assert.Equal($"{reason}; {Advice}", ex.Message);
    }

    [Theory]
    [InlineData("93.184.216.34", "", "93.184.216.34")]
    [InlineData("2606:4700::1", "", "2606:4700::1")]
    [InlineData("127.0.0.1", "127.0.0.1", "127.0.0.1")]
    [InlineData("10.0.0.7", "10.0.0.0/8", "10.0.0.7")]
    public async Task ResolveAsync_PublicOrAllowedLiteral_IsTheAddressToConnectTo(string host, string allowed, string expected)
    {
        var addresses = await Guard(allowed.Length == 0 ? [] : [allowed]).ResolveAsync(host, CancellationToken.None);

        Assert.Equal(expected, Assert.Single(addresses).ToString());
    }

    [Fact]
    public void CreateHandler_Always_FollowsNoRedirectsUsesNoProxyAndConnectsThroughTheGuard()
    {
        using var handler = Guard().CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.NotNull(handler.ConnectCallback);
    }

    [Theory]
    [InlineData("hooks.internal", null)]
    [InlineData("127.0.0.1", null)]
    [InlineData("10.20.0.0/16", null)]
    [InlineData("fd00::/8", null)]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33' is not a host name, an IP address or a CIDR range such as 10.20.0.0/16.")]
    [InlineData("http://hooks.internal/", "'http://hooks.internal/' is not a host name, an IP address or a CIDR range such as 10.20.0.0/16.")]
    [InlineData("", "'' is not a host name, an IP address or a CIDR range such as 10.20.0.0/16.")]
    public void EntryError_AllowListEntry_IsAcceptedOrExplained(string entry, string? expected)
    {
        Assert.Equal(expected, WebhookAllowList.EntryError(entry));
    }

    [Fact]
    public void Validator_BadAllowListEntry_FailsOnStartNamingTheSetting()
    {
        var result = new WebhookHostsValidator().Validate(null, new NotificationOptions { AllowedWebhookHosts = ["10.0.0.0/8", "not a host"] });

        Assert.True(result.Failed);
        Assert.Equal(["Notifications:AllowedWebhookHosts: 'not a host' is not a host name, an IP address or a CIDR range such as 10.20.0.0/16."], result.Failures);
    }
}
