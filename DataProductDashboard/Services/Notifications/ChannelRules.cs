using DataProductDashboard.Domain;
using MimeKit;

namespace DataProductDashboard.Services.Notifications;

/// <summary>What makes a channel valid, shared by the service (errors keyed by field) and the edit dialog (messages
/// as you type).</summary>
public static class ChannelRules
{
    public const int MaxNameLength = 200;
    public const int MaxTargetLength = 2000;
    public const int MaxAddresses = 20;

    private static readonly ParserOptions StrictAddresses = new() { AllowAddressesWithoutDomain = false };

    public static string? NameError(string? name) => string.IsNullOrWhiteSpace(name)
        ? "A name is required."
        : name.Trim().Length > MaxNameLength ? $"The name is longer than {MaxNameLength} characters." : null;

    public static string? KindError(ChannelKind? kind) => kind switch
    {
        null => "Choose Webhook or Email.",
        ChannelKind.InApp => "In-app alerts are always on; a channel is a Webhook or Email.",
        ChannelKind.Webhook or ChannelKind.Email => null,
        _ => $"'{kind}' is not a channel kind; use Webhook or Email.",
    };

    public static string? TargetError(ChannelKind? kind, string? target)
    {
        var text = target?.Trim() ?? "";
        if (kind == ChannelKind.Webhook)
        {
            if (text.Length == 0)
                return "A webhook URL is required.";
            if (text.Length > MaxTargetLength)
                return $"The URL is longer than {MaxTargetLength} characters.";
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
                ? null
                : $"'{Shorten(text)}' is not an absolute http:// or https:// URL.";
        }
        if (kind == ChannelKind.Email)
        {
            var addresses = SplitAddresses(text);
            if (addresses.Count == 0)
                return "At least one e-mail address is required.";
            if (addresses.Count > MaxAddresses)
                return $"{addresses.Count} addresses; a channel sends to at most {MaxAddresses}.";
            var bad = addresses.Where(a => !MailboxAddress.TryParse(StrictAddresses, a, out _)).ToList();
            if (bad.Count > 0)
                return $"{string.Join(", ", bad.Take(3).Select(b => $"'{Shorten(b)}'"))}{(bad.Count > 3 ? $" and {bad.Count - 3} more" : "")} {(bad.Count == 1 ? "is not an e-mail address" : "are not e-mail addresses")}.";
            return Normalize(kind, text).Length > MaxTargetLength ? $"The addresses are longer than {MaxTargetLength} characters in all." : null;
        }
        return null;
    }

    /// <summary>Errors keyed by field (name, kind, target); empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(ChannelRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "name", NameError(request.Name));
        Add(errors, "kind", KindError(request.Kind));
        Add(errors, "target", KindError(request.Kind) is null ? TargetError(request.Kind, request.Target) : null);
        if (request.MinimumSeverity is { } severity && !Enum.IsDefined(severity))
            Add(errors, "minimumSeverity", $"'{severity}' is not a severity; use Warning or Critical.");
        return errors;
    }

    /// <summary>The target as stored: a trimmed URL, or the addresses joined by ", ".</summary>
    public static string Normalize(ChannelKind? kind, string? target) => kind == ChannelKind.Email
        ? string.Join(", ", SplitAddresses(target ?? ""))
        : (target ?? "").Trim();

    public static IReadOnlyList<string> SplitAddresses(string target) => EmailSender.SplitAddresses(target);

    private static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
            errors[field] = [error];
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
