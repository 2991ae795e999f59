using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Releases;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Evaluates a version's release gates when shown, reports the decision to its parent, and records a waiver
/// when a critical gate blocks the release.</summary>
public sealed partial class ReleaseGatesPanel : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ReleaseDecision? _decision;
    private bool _evaluating = true;
    private bool _saving;
    private string? _error;
    private string? _reason;
    private DateTime? _expires;
    private IReadOnlyDictionary<string, string[]> _waiverErrors = new Dictionary<string, string[]>();

    [Parameter, EditorRequired] public int ProductId { get; set; }
    [Parameter, EditorRequired] public int Version { get; set; }
    [Parameter] public EventCallback<ReleaseDecision> DecisionChanged { get; set; }
    [Inject] public required ReleaseService Releases { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _expires = Clock.GetUtcNow().UtcDateTime.Date.AddDays(14);
        await EvaluateAsync();
    }

    private async Task EvaluateAsync()
    {
        _evaluating = true;
        _error = null;
        try
        {
            _decision = await Releases.EvaluateAsync(ProductId, Version, _cts.Token);
            await DecisionChanged.InvokeAsync(_decision);
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        finally
        {
            _evaluating = false;
        }
    }

    private async Task WaiveAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        _saving = true;
        _waiverErrors = new Dictionary<string, string[]>();
        try
        {
            var expires = _expires is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1).AddSeconds(-1), DateTimeKind.Utc) : (DateTime?)null;
            await Releases.WaiveAsync(ProductId, Version, _reason, expires, Actors.Ui, _cts.Token);
            await EvaluateAsync();
        }
        catch (InputValidationException ex)
        {
            _waiverErrors = ex.Errors;
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

    private string? First(string field) => _waiverErrors.TryGetValue(field, out var errors) ? errors[0] : null;

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
