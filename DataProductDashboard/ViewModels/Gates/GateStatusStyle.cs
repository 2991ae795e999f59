using DataProductDashboard.Domain;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>The colour of each gate status in charts: Passed green, Warning amber, Failed red, Error grey, Skipped light.
/// Listed from best to worst so legends read in that order.</summary>
public static class GateStatusStyle
{
    public const string Passed = "#2e7d32";
    public const string Warning = "#f0a000";
    public const string Failed = "#c62828";
    public const string Error = "#616161";
    public const string Skipped = "#cfd8dc";

    public static readonly GateStatus[] Order = [GateStatus.Passed, GateStatus.Warning, GateStatus.Failed, GateStatus.Error, GateStatus.Skipped];

    public static string Color(GateStatus status) => status switch
    {
        GateStatus.Passed => Passed,
        GateStatus.Warning => Warning,
        GateStatus.Failed => Failed,
        GateStatus.Error => Error,
        _ => Skipped,
    };
}
