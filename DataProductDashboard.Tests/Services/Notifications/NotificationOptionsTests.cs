using System.ComponentModel.DataAnnotations;
using DataProductDashboard.Configuration;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace DataProductDashboard.Tests.Services.Notifications;

public sealed class NotificationOptionsTests
{
    private static List<ValidationResult> Validate(NotificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValidAndMatchTheDocumentedValues()
    {
        var options = new NotificationOptions();

        Assert.Empty(Validate(options));
        Assert.Equal((10, 3, 1), (options.WebhookTimeoutSeconds, options.WebhookMaxAttempts, options.WebhookBackoffSeconds));
        Assert.Equal(("localhost", 25, SmtpSecurity.Auto, "", "", "dashboard@localhost"),
            (options.Smtp.Host, options.Smtp.Port, options.Smtp.Security, options.Smtp.UserName, options.Smtp.Password, options.Smtp.From));
        Assert.Null(options.PublicBaseUrl);
    }

    [Fact]
    public void Validate_BadBaseUrlAndSmtpPort_NamesEachSetting()
    {
        var options = new NotificationOptions { PublicBaseUrl = "dashboard", Smtp = new SmtpOptions { Port = 0 } };

        var members = Validate(options).SelectMany(r => r.MemberNames).Order().ToList();

        Assert.Equal(["PublicBaseUrl", "Smtp:Port"], members);
    }

    [Fact]
    public void Validate_SenderWithoutDomain_IsRejected()
    {
        var results = Validate(new NotificationOptions { Smtp = new SmtpOptions { From = "nobody" } });

        Assert.Equal("'nobody' is not an e-mail address.", Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public async Task Start_InvalidNotificationSettings_FailsFast()
    {
        await using var app = new DashboardAppFactory(settings: new Dictionary<string, string?> { ["Notifications:WebhookMaxAttempts"] = "0" });

        var ex = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("WebhookMaxAttempts", ex.Message);
    }

    [Fact]
    public void RootAppSettings_NotificationsSection_HasTheDefaults()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")));
        var section = json.RootElement.GetProperty("Notifications");

        Assert.Equal(10, section.GetProperty("WebhookTimeoutSeconds").GetDouble());
        Assert.Equal(3, section.GetProperty("WebhookMaxAttempts").GetInt32());
        Assert.Equal("Auto", section.GetProperty("Smtp").GetProperty("Security").GetString());
        Assert.Equal("", section.GetProperty("Smtp").GetProperty("Password").GetString());
    }
}
