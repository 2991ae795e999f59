namespace DataProductDashboard.Services.Operations;

/// <summary>This process among the instances on one database: machine, process and a random suffix (a restarted
/// process with a reused id is still another instance). Owns job leases and background-work leases.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Id;

    /// <summary>Whether <paramref name="id"/> names an instance of this machine whose process no longer runs (another
    /// machine's instance, or a live process, is not known to be gone).</summary>
    public static bool IsGoneFromThisMachine(string id)
    {
        var parts = id.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid))
            return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
