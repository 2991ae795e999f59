using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Gates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Creates or edits a gate rule. Offers the metrics the product actually has (grouped by family, with their
/// current values), the conditions the scope and metric allow, and — whenever the rule is complete — previews it on
/// the last 10 batches (debounced). The service validates; its errors appear under the matching field. Closes with the
/// saved <see cref="GateRuleView"/>.</summary>
public sealed partial class GateRuleDialog : IDisposable
{
    public const int DebounceMilliseconds = 300;
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
    private static readonly string[] FieldKeys = ["metricKey", "column", "segment", "condition", "threshold", "upperThreshold", "name", "owner"];
    private const string WholeBatch = "";
    private IReadOnlyList<string> _segments = [];
    private readonly CancellationTokenSource _cts = new();
    private CancellationTokenSource? _previewCts;
    private GateRuleForm _form = new();
    private IReadOnlyList<MetricOption> _metrics = [];
    private IReadOnlyList<GatePreviewRow>? _preview;
    private GatePreviewSummary? _summary;
    private IReadOnlyDictionary<string, string[]> _errors = NoErrors;
    private bool _showMissing;
    private bool _loading = true;
    private bool _previewing;
    private bool _saving;
    private string? _error;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter] public int ProductId { get; set; }
    /// <summary>The rule to edit; null to create one.</summary>
    [Parameter] public GateRuleView? Rule { get; set; }
    /// <summary>What a new rule starts from (e.g. a proposed default to tune).</summary>
    [Parameter] public GateRuleInput? Initial { get; set; }
    [Inject] public required GateService Gates { get; init; }
    [Inject] public required Services.Segments.SegmentQueries Segments { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private MetricOption? SelectedMetric => _metrics.FirstOrDefault(m => m.Id == _form.MetricId);

    private string? ThresholdHelp => _form.IsRelative
        ? _form.Unit == ToleranceUnit.Percent ? "% of the compared value" : "in the metric's unit"
        : SelectedMetric is { Value: not null } m ? $"Current: {m.ValueText}" : null;

    /// <summary>Errors without a field of their own, listed under the form.</summary>
    private IReadOnlyDictionary<string, string[]>? OtherErrors =>
        _errors.Keys.Except(FieldKeys).ToDictionary(k => k, k => _errors[k]) is { Count: > 0 } other ? other : null;

    protected override async Task OnInitializedAsync()
    {
        _form = Rule is { } rule ? GateRuleForm.From(rule) : Initial is { } initial ? GateRuleForm.From(initial) : new GateRuleForm();
        try
        {
            _metrics = (await Gates.GetMetricsAsync(ProductId, _cts.Token)).Select(MetricOption.From).ToList();
            _segments = await Segments.ListAsync(ProductId, _cts.Token);
            if (_form.Segment is { } segment && !_segments.Contains(segment))
                _segments = [.. _segments, segment];
            if (_form.MetricId is { } id && _metrics.All(m => m.Id != id) && MetricOption.Unmeasured(_form.MetricKey, _form.Column) is { } missing)
                _metrics = [.. _metrics, missing];
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        _loading = false;
        SchedulePreview();
    }

    private string MetricText(string? id) =>
        _metrics.FirstOrDefault(m => m.Id == id) is { } m ? $"{m.Label} · {m.Key} · {m.ValueText}" : id ?? "";

    private void OnScopeChanged(GateScope scope)
    {
        _form.Scope = scope;
        if (SelectedMetric is { } metric && metric.Scope != scope)
            _form.MetricId = null;
        Changed();
    }

    private void OnMetricChanged(string? id)
    {
        _form.MetricId = id;
        Changed();
    }

    private void OnSegmentChanged(string segment)
    {
        _form.Segment = segment == WholeBatch ? null : segment;
        Changed();
    }

    private void OnConditionChanged(GateCondition condition)
    {
        _form.Condition = condition;
        if (_form.IsRelative && _form.Threshold is null)
            _form.Threshold = 5;
        Changed();
    }

    private void Set(Action assign)
    {
        assign();
        Changed();
    }

    private void Changed()
    {
        _form.NormalizeCondition();
        SchedulePreview();
    }

    /// <summary>Previews the rule once it is complete and has not changed for <see cref="DebounceMilliseconds"/>; the
    /// preview also validates it, so its errors come from the same place as the save's.</summary>
    private void SchedulePreview()
    {
        _previewCts?.Cancel();
        _previewCts?.Dispose();
        _previewCts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        if (_form.ToInput() is not { } input)
        {
            (_preview, _summary, _errors, _previewing) = (null, null, NoErrors, false);
            return;
        }
        _ = PreviewAsync(input, _previewCts.Token);
    }

    private async Task PreviewAsync(GateRuleInput input, CancellationToken ct)
    {
        try
        {
            await Task.Delay(DebounceMilliseconds, ct);
            _previewing = true;
            await InvokeAsync(StateHasChanged);
            var rows = await Gates.PreviewAsync(ProductId, input, ct);
            ct.ThrowIfCancellationRequested();
            (_preview, _summary, _errors) = (rows, GatePreviewSummary.For(input.Scope, rows), NoErrors);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (InputValidationException ex) when (!ct.IsCancellationRequested)
        {
            (_preview, _summary, _errors) = (null, null, ex.Errors);
        }
        catch (DashboardException ex) when (!ct.IsCancellationRequested)
        {
            _error = ex.Message;
        }
        _previewing = false;
        await InvokeAsync(StateHasChanged);
    }

    private bool HasError(params string[] fields) => fields.Any(f => ErrorOf(f) is not null);

    /// <summary>The service's error for a field, else (after a save attempt) what is missing there.</summary>
    private string? ErrorOf(string field) =>
        _errors.TryGetValue(field, out var errors) && errors.Length > 0 ? string.Join(" ", errors)
        : _showMissing && _form.Missing().TryGetValue(field, out var missing) ? missing
        : null;

    private async Task SaveAsync()
    {
        _showMissing = true;
        if (_form.ToInput() is not { } input)
            return;
        _saving = true;
        _error = null;
        try
        {
            var saved = Rule is null
                ? await Gates.CreateAsync(ProductId, input, Actors.Ui, _cts.Token)
                : await Gates.UpdateAsync(ProductId, Rule.Id, input, Actors.Ui, _cts.Token);
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (InputValidationException ex)
        {
            _errors = ex.Errors;
            _error = ex.Errors.Keys.Except(FieldKeys).Any() ? ex.Message : null;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();

    public void Dispose()
    {
        _previewCts?.Cancel();
        _previewCts?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
