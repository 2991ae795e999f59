using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.ViewModels.Notifications;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class DeliveriesCsvTests
{
    [Fact]
    public void Write_Deliveries_OneRowEachWithQuotedTextAndInvariantNumbers()
    {
        var at = new DateTime(2026, 3, 2, 9, 31, 5, DateTimeKind.Utc);
        DeliverySummary[] deliveries =
        [
            new(2, 1, "Ops, hook", ChannelKind.Webhook, 41, "Missing share of 'hum' 0.083 > threshold 0.000", false, at, 3, false, 500,
                "HTTP 500 Internal Server Error: \"down\"", 2345.67),
            new(1, 2, "Owners", ChannelKind.Email, null, null, true, at.AddMinutes(-5), 1, true, 250, null, 120.4),
        ];

        var lines = DeliveriesCsv.Write(deliveries).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("at,channel,kind,alert_id,alert,test,succeeded,attempts,status_code,duration_ms,error", lines[0]);
        Assert.Equal("2026-03-02T09:31:05Z,\"Ops, hook\",Webhook,41,Missing share of 'hum' 0.083 > threshold 0.000,false,false,3,500,2345.7,\"HTTP 500 Internal Server Error: \"\"down\"\"\"", lines[1]);
        Assert.Equal("2026-03-02T09:26:05Z,Owners,Email,,,true,true,1,250,120.4,", lines[2]);
        Assert.Equal(3, lines.Length);
    }
}
