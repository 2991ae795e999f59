namespace DataProductDashboard.ViewModels.Time;

/// <summary>The choices of the time-range control: the last 7, 30 or 90 days up to the newest batch, everything, or
/// dates the user typed.</summary>
public enum TimeRangePreset { Last7Days, Last30Days, Last90Days, All, Custom }
