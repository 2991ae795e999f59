namespace DataProductDashboard.Commands;

/// <summary>A command line that does not say what to do (unknown verb or option, missing or malformed value): exit code 2.</summary>
public sealed class CommandUsageException(string message) : Exception(message);
