using System.Net;
using DataProductDashboard.Services.Notifications;

namespace DataProductDashboard.Tests.Services.Notifications;

/// <summary>Classification only: nothing here connects anywhere.</summary>
public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", WebhookAddressKind.Loopback)]
    [InlineData("127.255.255.254", WebhookAddressKind.Loopback)]
    [InlineData("::1", WebhookAddressKind.Loopback)]
    [InlineData("169.254.169.254", WebhookAddressKind.LinkLocal)]
    [InlineData("fe80::1", WebhookAddressKind.LinkLocal)]
    [InlineData("febf:ffff::1", WebhookAddressKind.LinkLocal)]
    [InlineData("10.0.0.1", WebhookAddressKind.Private)]
    [InlineData("10.255.255.255", WebhookAddressKind.Private)]
    [InlineData("172.16.0.1", WebhookAddressKind.Private)]
    [InlineData("172.31.255.255", WebhookAddressKind.Private)]
    [InlineData("192.168.1.1", WebhookAddressKind.Private)]
    [InlineData("fc00::1", WebhookAddressKind.Private)]
    [InlineData("fd12:3456::1", WebhookAddressKind.Private)]
    [InlineData("100.64.0.1", WebhookAddressKind.SharedAddressSpace)]
    [InlineData("100.127.255.255", WebhookAddressKind.SharedAddressSpace)]
    [InlineData("224.0.0.1", WebhookAddressKind.Multicast)]
    [InlineData("239.255.255.255", WebhookAddressKind.Multicast)]
    [InlineData("ff02::1", WebhookAddressKind.Multicast)]
    [InlineData("0.0.0.0", WebhookAddressKind.Unspecified)]
    [InlineData("0.1.2.3", WebhookAddressKind.Unspecified)]
    [InlineData("::", WebhookAddressKind.Unspecified)]
    [InlineData("255.255.255.255", WebhookAddressKind.Broadcast)]
    [InlineData("240.0.0.1", WebhookAddressKind.Reserved)]
    [InlineData("::ffff:127.0.0.1", WebhookAddressKind.Loopback)]
    [InlineData("::ffff:10.1.2.3", WebhookAddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", WebhookAddressKind.LinkLocal)]
    [InlineData("::ffff:100.64.0.1", WebhookAddressKind.SharedAddressSpace)]
    [InlineData("::ffff:224.0.0.1", WebhookAddressKind.Multicast)]
    [InlineData("::ffff:0.0.0.0", WebhookAddressKind.Unspecified)]
    [InlineData("::ffff:255.255.255.255", WebhookAddressKind.Broadcast)]
    [InlineData("::127.0.0.1", WebhookAddressKind.Loopback)]
    [InlineData("::192.168.0.1", WebhookAddressKind.Private)]
    [InlineData("::0.0.0.2", WebhookAddressKind.Unspecified)]
    [InlineData("64:ff9b::7f00:1", WebhookAddressKind.Loopback)]
    [InlineData("2002:a00:1::", WebhookAddressKind.Private)]
    [InlineData("93.184.216.34", WebhookAddressKind.Public)]
    [InlineData("8.8.8.8", WebhookAddressKind.Public)]
    [InlineData("172.32.0.1", WebhookAddressKind.Public)]
    [InlineData("100.128.0.1", WebhookAddressKind.Public)]
    [InlineData("2606:4700::1", WebhookAddressKind.Public)]
    [InlineData("::ffff:93.184.216.34", WebhookAddressKind.Public)]
    public void Classify_Address_IsItsKind(string address, WebhookAddressKind expected)
    {
        Assert.Equal(expected, WebhookAddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    [InlineData("::10.0.0.1", "10.0.0.1")]
    [InlineData("64:ff9b::a00:1", "10.0.0.1")]
    [InlineData("2002:7f00:1::", "127.0.0.1")]
    [InlineData("fe80::1%2", "fe80::1")]
    [InlineData("::1", "::1")]
    [InlineData("2606:4700::1", "2606:4700::1")]
    public void Unwrap_Ipv6Form_IsTheAddressItReaches(string address, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), WebhookAddressPolicy.Unwrap(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("localhost.", true)]
    [InlineData("api.localhost", true)]
    [InlineData("localhost.example.test", false)]
    [InlineData("mylocalhost", false)]
    public void IsLocalHostName_Name_IsTheHostItselfOnlyForLocalhostAndItsSubdomains(string host, bool expected)
    {
        Assert.Equal(expected, WebhookAddressPolicy.IsLocalHostName(host));
    }
}
