using DataProductDashboard.ViewModels.Formatting;
using DataProductDashboard.ViewModels.Time;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Shared;

/// <summary>Chooses the time range of a product's charts (last 7 / 30 / 90 days up to the newest batch, All, or custom
/// days) and, when the product's batches carry event times, whether the axes use arrival or event time. The page
/// puts the choice in the query string (<see cref="TimeRange.ToQuery"/>), which the product's navigation carries.</summary>
public sealed partial class TimeRangeControl
{
    private bool _editing;
    private string? _from;
    private string? _to;

    [CascadingParameter] public ZonedDisplay Zone { get; set; } = ZonedDisplay.Utc;

    [Parameter, EditorRequired] public required TimeRange Range { get; set; }
    [Parameter] public EventCallback<TimeRange> RangeChanged { get; set; }
    /// <summary>The range resolved against the product's batches, said in words under the chips.</summary>
    [Parameter] public TimeWindow? Window { get; set; }
    [Parameter] public TimeBasis Basis { get; set; }
    [Parameter] public EventCallback<TimeBasis> BasisChanged { get; set; }
    /// <summary>The product has an event-time column, so its batches carry both times and the axis choice is shown.</summary>
    [Parameter] public bool HasEventTime { get; set; }

    private bool IsCustom => Range.Preset == TimeRangePreset.Custom;

    /// <summary>The typed days as a range, null while neither is a day.</summary>
    private TimeRange? CustomRange => TimeRange.Parse(null, _from, _to) is { Preset: TimeRangePreset.Custom } r ? r : null;

    private async Task ChooseAsync(TimeRange range)
    {
        _editing = false;
        await RangeChanged.InvokeAsync(range);
    }

    private void ToggleCustom()
    {
        _editing = !_editing;
        if (_editing)
        {
            _from = Text(Range.From ?? (Window is { } w ? DateOnly.FromDateTime(Zone.Local(w.From)) : null));
            _to = Text(Range.To ?? (Window is { } v ? DateOnly.FromDateTime(Zone.Local(v.LastTick)) : null));
        }
    }

    private async Task ApplyCustomAsync()
    {
        if (CustomRange is not { } range)
            return;
        _editing = false;
        await RangeChanged.InvokeAsync(range);
    }

    private Task ChooseBasisAsync(TimeBasis basis) => basis == Basis ? Task.CompletedTask : BasisChanged.InvokeAsync(basis);

    private string Describe(TimeWindow window) =>
        $"{Zone.Date(window.From)} – {Zone.Date(window.LastTick)} ({Zone.Name}){(Range.Days is not null ? ", up to the newest batch" : "")}"
        + (Basis == TimeBasis.Event ? " · by the event time of the batches' rows" : "");

    private static string? Text(DateOnly? day) => day?.ToString(TimeRange.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
