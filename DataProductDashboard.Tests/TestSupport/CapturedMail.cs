using MimeKit;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>A message the <see cref="SmtpSink"/> accepted: the envelope recipients (RCPT TO) and the parsed message.</summary>
public sealed record CapturedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);
