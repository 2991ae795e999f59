namespace DataProductDashboard.Services.Operations;

/// <summary>This process among the instances on one database: machine, process and a random suffix (a restarted
/// process with a reused id is still another instance). Owns job leases and background-work leases.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Id;
}
