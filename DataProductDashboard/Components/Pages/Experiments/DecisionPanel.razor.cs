using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Experiments;

/// <summary>Records a decision through <see cref="ExperimentService.DecideAsync"/> as the UI user; field errors show
/// under their fields, a refused release (409) in an alert naming the failing gates. Tells the page when a decision
/// was recorded.</summary>
public sealed partial class DecisionPanel
{
    /// <summary>The product's display time zone (the layout cascades it; UTC elsewhere).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private ExperimentDecision _decision = ExperimentDecision.KeepRunning;
    private string? _reason;
    private string? _refusal;
    private bool _busy;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    [Parameter, EditorRequired] public required ExperimentSummary Summary { get; set; }
    [Parameter] public EventCallback<ExperimentSummary> OnDecided { get; set; }
    [Inject] public required ExperimentService Experiments { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    /// <summary>Whether a smaller value of the primary metric is better (errors, costs).</summary>
    [Parameter] public bool LowerIsBetter { get; set; }

    private string Recommendation => ExperimentDisplay.Recommendation(Summary, LowerIsBetter);

    private string Effect => _decision switch
    {
        ExperimentDecision.ShipChallenger => $"Promotes v{Summary.ChallengerVersion} to champion through the release gates below, then stops the experiment: every new row is scored by v{Summary.ChallengerVersion}.",
        ExperimentDecision.KeepChampion => $"Stops the experiment: every new row is scored by champion v{Summary.ChampionVersion} again.",
        _ => "Records your review in the audit trail; the experiment keeps splitting new batches.",
    };

    private string SubmitText => _decision switch
    {
        ExperimentDecision.ShipChallenger => $"Ship v{Summary.ChallengerVersion}",
        ExperimentDecision.KeepChampion => "Keep the champion and stop",
        _ => "Record: keep running",
    };

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Text(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void OnDecisionChanged(ExperimentDecision decision)
    {
        _decision = decision;
        _refusal = null;
    }

    private async Task SubmitAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        _busy = true;
        _refusal = null;
        _errors = new Dictionary<string, string[]>();
        try
        {
            var decided = await Experiments.DecideAsync(Summary.Id, _decision, _reason, Actors.Ui, CancellationToken.None);
            _reason = null;
            await OnDecided.InvokeAsync(decided);
        }
        catch (InputValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (DashboardException ex)
        {
            _refusal = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
