using DataProductDashboard.Components.Shared;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Starts an A/B test: challenger (any non-champion, non-retired version), split, primary metric with its unit,
/// minimum detectable effect, α and power. The service validates; its errors show under their fields. Closes with the
/// started <see cref="ExperimentSummary"/>. Without a possible challenger it explains why and cannot submit.</summary>
public sealed partial class StartExperimentDialog
{
    private StartExperimentForm _form = new();
    private IReadOnlyList<ModelVersionSummary> _challengers = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _otherError;
    private bool _busy;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public int ProductId { get; set; }
    [Parameter] public int? ChampionVersion { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ModelVersionSummary> Versions { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ExperimentMetric> Metrics { get; set; }
    [Inject] public required ExperimentService Experiments { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }

    private ExperimentMetric? Metric => Metrics.FirstOrDefault(m => m.Key == _form.PrimaryMetric);

    protected override void OnInitialized()
    {
        _challengers = ExperimentStartRules.Challengers(ChampionVersion, Versions);
        _form = StartExperimentForm.For(_challengers, Metrics);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Text(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void OnMetricChanged(string? key)
    {
        var previous = Metric;
        _form.PrimaryMetric = key;
        // A rate's default (5 points) means nothing for a mean in label units, and the reverse: reset when the kind changes.
        if (Metric is { } metric && metric.Kind != previous?.Kind)
            _form.MinimumDetectableEffect = StartExperimentForm.DefaultEffect(metric);
    }

    private async Task StartAsync()
    {
        _busy = true;
        _otherError = null;
        try
        {
            var started = await Experiments.StartAsync(ProductId, _form.ToRequest(), Actors.Ui, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(started));
        }
        catch (InputValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (DashboardException ex)
        {
            _otherError = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();
}
