namespace DataProductDashboard.Tests.E2E;

/// <summary>The crash tests kill and restart a real app process and time their kills by polling it: they run after the
/// parallel collections, alone, so that no other test competes for the machine's cores while they do.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashRecoveryCollection : ICollectionFixture<CrashRecoveryFixture>
{
    public const string Name = "Crash recovery (app process killed with SIGKILL)";
}
