using DataProductDashboard.Domain;
using static DataProductDashboard.Analysis.Insights.InsightText;

namespace DataProductDashboard.Analysis.Insights;

/// <summary>Turns the stored results of one product into plain-language sentences, most severe first: KPIs against
/// their targets (with the business-drift classification of a sustained run), the champion's accuracy against hold-out,
/// input drift and gates of the newest batch, A/B tests, and a missing batch. Every sentence links to its evidence.</summary>
public static class InsightGenerator
{
    public static IReadOnlyList<Insight> For(ProductFacts facts)
    {
        var insights = new List<Insight>();
        insights.AddRange(facts.Kpis.Select(k => Kpi(facts, k)));
        if (facts.Model is { } model)
            insights.Add(Model(facts, model));
        if (facts.LatestBatch is { } batch)
        {
            insights.Add(Drift(facts, batch));
            if (Gates(facts, batch) is { } gates)
                insights.Add(gates);
        }
        insights.AddRange(facts.Experiments.Select(Experiment));
        if (facts.MissingBatch is { } missing)
            insights.Add(Missing(facts, missing));
        return insights.Select((insight, order) => (insight, order))
            .OrderByDescending(x => x.insight.Severity).ThenBy(x => x.order).Select(x => x.insight).ToList();
    }

    public static Insight Kpi(ProductFacts facts, KpiFacts kpi)
    {
        var links = new List<InsightLink> { new($"{kpi.Name} chart", kpi.Link) };
        if (kpi.Status == KpiStatus.NoData || kpi.LatestValue is not { } value || kpi.LatestPeriod is not { } period)
            return new(InsightSeverity.Info, InsightTopic.Kpi, $"{kpi.Name} has no complete period yet, so it cannot be compared with its target.", links, null);

        var worse = kpi.Direction == KpiDirection.HigherIsBetter ? "below" : "above";
        var gap = kpi.RelativeGap is { } g ? Percent(g) : null;
        var versus = $"{WithUnit(value, kpi.Unit)} against a target of {Number(kpi.Target)}";
        if (kpi.Drift is { } drift)
        {
            if (drift.EvidenceBatchId is { } batchId)
                links.Add(new(drift.EvidenceBatchNumber is { } number ? $"Batch {BatchLabel.Of(number)}" : "The evidence batch", $"/batches/{batchId}"));
            var sentence = drift.Periods <= 1
                ? $"{kpi.Name} was {Percent(drift.RelativeGap)} {worse} target {Period(drift.To, kpi.Period)}"
                : $"{kpi.Name} has been off target for {Periods(drift.Periods, kpi.Period)} in a row, {Percent(drift.RelativeGap)} {worse} target on average (latest {versus})";
            return new(InsightSeverity.Critical, InsightTopic.Kpi, $"{sentence}: {Classification(drift.Classification)}. {Because(drift)}", links, drift.To);
        }
        return kpi.Status switch
        {
            KpiStatus.OffTarget => new(InsightSeverity.Warning, InsightTopic.Kpi,
                $"{kpi.Name} was {gap} {worse} target {Period(period, kpi.Period)} ({versus}), outside the tolerance band but not yet a sustained run.", links, period),
            KpiStatus.AtRisk => new(InsightSeverity.Warning, InsightTopic.Kpi,
                $"{kpi.Name} was {gap} {worse} target {Period(period, kpi.Period)} ({versus}), still within the tolerance band.", links, period),
            _ => new(InsightSeverity.Info, InsightTopic.Kpi,
                $"{kpi.Name} was on target {Period(period, kpi.Period)}: {versus}.", links, period),
        };
    }

    /// <summary>The finding's reason as a sentence of its own (it says what the audit showed and what to look at);
    /// the generic advice for the classification when there is none.</summary>
    private static string Because(DataProductDashboard.Analysis.Kpi.BusinessDriftFinding drift)
    {
        var reason = drift.Reason.Trim();
        if (reason.Length == 0)
            return Advice(drift.Classification);
        reason = char.ToUpperInvariant(reason[0]) + reason[1..];
        return reason.EndsWith('.') ? reason : reason + ".";
    }

    public static Insight Model(ProductFacts facts, ModelFacts model)
    {
        var links = new List<InsightLink> { new("Model behavior", $"/products/{facts.ProductId}/behavior") };
        if (model.EvidenceBatchId is { } batchId)
            links.Add(new(model.EvidenceBatchNumber is { } number ? $"Batch {BatchLabel.Of(number)}" : "The evidence batch", $"/batches/{batchId}"));
        if (model.Current is not { } current)
            return new(InsightSeverity.Info, InsightTopic.Model,
                $"Model v{model.Version} has no labelled rows yet, so how well it does in production is not known.", links, null);
        var holdout = model.Holdout is { } h ? $" against {Number(h)} at hold-out" : "";
        var change = model.Holdout is { } hv && hv != 0 ? $" ({Percent((current - hv) / Math.Abs(hv))} {(Worse(model, current, hv) ? "worse" : "better")})" : "";
        return model.Degraded == true
            ? new(InsightSeverity.Critical, InsightTopic.Model,
                $"Model v{model.Version} has degraded: {model.MetricName} {Number(current)} on the latest labelled batches{holdout}{change}, more than chance explains: concept drift. {Advice(DriftClassification.ConceptDrift)}", links, null)
            : new(InsightSeverity.Info, InsightTopic.Model,
                $"Model v{model.Version} held up: {model.MetricName} {Number(current)} on the latest labelled batches{holdout}.", links, null);
    }

    private static bool Worse(ModelFacts model, double current, double holdout) => model.LowerIsBetter ? current > holdout : current < holdout;

    public static Insight Drift(ProductFacts facts, BatchFacts batch)
    {
        var links = new List<InsightLink> { new($"Batch {BatchLabel.Of(batch.BatchNumber)}", $"/batches/{batch.BatchId}"), new("Drift over time", $"/products/{facts.ProductId}/drift") };
        var which = $"the latest batch ({BatchRange(facts, batch)})";
        var prediction = batch.PredictionDrift == true ? " The model's predictions shifted too (prediction drift)." : "";
        if (batch.DatasetDrift)
            return new(InsightSeverity.Warning, InsightTopic.Data,
                $"{batch.DriftedColumns} of {batch.Columns} inputs drifted in {which}, including {List(batch.TopDrifted)}: data drift.{prediction}", links, batch.ReceivedAt);
        if (batch.DriftedColumns > 0)
            return new(batch.PredictionDrift == true ? InsightSeverity.Warning : InsightSeverity.Info, InsightTopic.Data,
                $"{batch.DriftedColumns} of {batch.Columns} inputs drifted in {which} ({List(batch.TopDrifted)}), too few for data drift of the whole dataset.{prediction}", links, batch.ReceivedAt);
        return new(batch.PredictionDrift == true ? InsightSeverity.Warning : InsightSeverity.Info, InsightTopic.Data,
            $"No input drifted in {which}.{prediction}", links, batch.ReceivedAt);
    }

    public static Insight? Gates(ProductFacts facts, BatchFacts batch)
    {
        if (batch.JudgedGates == 0)
            return null;
        var links = new List<InsightLink> { new($"Batch {BatchLabel.Of(batch.BatchNumber)}", $"/batches/{batch.BatchId}"), new("Gate history", $"/products/{facts.ProductId}/gates") };
        if (batch.FailedGates.Count > 0)
            return new(InsightSeverity.Critical, InsightTopic.Gates,
                $"The latest batch failed {(batch.FailedGates.Count == 1 ? "a critical gate" : $"{batch.FailedGates.Count} critical gates")}: {List(batch.FailedGates)}.", links, batch.ReceivedAt);
        if (batch.WarningGates.Count > 0)
            return new(InsightSeverity.Warning, InsightTopic.Gates,
                $"The latest batch passed its critical gates but warned on {List(batch.WarningGates)}.", links, batch.ReceivedAt);
        return new(InsightSeverity.Info, InsightTopic.Gates,
            $"The latest batch passed all {(batch.JudgedGates == 1 ? "gate" : $"{batch.JudgedGates} gates")} judged on it.", links, batch.ReceivedAt);
    }

    public static Insight Experiment(ExperimentFacts test)
    {
        var links = new List<InsightLink> { new($"A/B test '{test.Name}'", test.Link) };
        var name = $"A/B test '{test.Name}' (v{test.ChallengerVersion} against v{test.ChampionVersion})";
        if (!test.Running)
        {
            var outcome = test.Decision switch
            {
                ExperimentDecision.ShipChallenger => $"the challenger v{test.ChallengerVersion} was shipped",
                ExperimentDecision.KeepChampion => $"the champion v{test.ChampionVersion} was kept",
                _ => "it was stopped",
            };
            return new(InsightSeverity.Info, InsightTopic.Experiment, $"{name} ended: {outcome}{(test.DecidedBy is { } who ? $" by {who}" : "")}.", links, null);
        }
        if (test.SampleRatioMismatch)
            return new(InsightSeverity.Critical, InsightTopic.Experiment,
                $"{name} has a sample-ratio mismatch: the arms did not receive the planned share of rows (p < 0.001), so its results cannot be trusted until the cause is found.", links, null);
        if (test.Champion is not { } a || test.Challenger is not { } b)
            return new(InsightSeverity.Info, InsightTopic.Experiment, $"{name} is running; neither arm has enough labelled rows for {MidSentence(test.PrimaryMetricName)} yet.", links, null);
        var direction = a == b ? "the same as"
            : test.LowerIsBetter is not { } lower ? (b > a ? "higher than" : "lower than")
            : (lower ? b < a : b > a) ? "better than" : "worse than";
        var relative = test.RelativeDifference is { } r ? $", {(r >= 0 ? "+" : "−")}{Percent(r)}" : "";
        var metric = MidSentence(test.PrimaryMetricName);
        var measured = $"the challenger's {metric} is {Number(b)}, {direction} the champion's {Number(a)}{relative}";
        var progress = test.Progress is { } p ? $"; {Percent(Math.Min(p, 1))} of the needed sample is in" : "";
        if (test.PValue is { } pValue && pValue < test.Alpha)
            return new(InsightSeverity.Warning, InsightTopic.Experiment,
                $"{name}: {measured}, significant at α = {Number(test.Alpha)} ({PValue(pValue)}){progress}. It is ready for a decision.", links, null);
        var pText = test.PValue is { } q ? $" ({PValue(q)})" : "";
        return new(InsightSeverity.Info, InsightTopic.Experiment, $"{name} is running: {measured}, not significant yet{pText}{progress}.", links, null);
    }

    /// <summary>"Accuracy" → "accuracy" inside a sentence; acronyms ("MAE", "RMSE") stay as they are.</summary>
    private static string MidSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    public static Insight Missing(ProductFacts facts, MissingBatchFacts missing)
    {
        var days = (facts.Now - missing.LastBatchAt).TotalDays;
        var since = days >= 2 ? $"{Math.Floor(days):0} days" : $"{Math.Floor((facts.Now - missing.LastBatchAt).TotalHours):0} hours";
        var cadence = missing.ExpectedCadenceHours switch
        {
            24 => "daily",
            168 => "weekly",
            var h when h % 24 == 0 => $"every {h / 24:0} days",
            var h => $"every {Number(h)} hours",
        };
        return new(InsightSeverity.Warning, InsightTopic.Timeliness,
            $"No batch has arrived for {since} (last on {Date(facts.LocalDay(missing.LastBatchAt))}), although one is expected {cadence}.", [new("Alerts", missing.Link)], facts.Now);
    }

    /// <summary>The batch's event days (or arrival day) in the product's time zone.</summary>
    private static string BatchRange(ProductFacts facts, BatchFacts batch) => batch switch
    {
        { EventFrom: { } from, EventTo: { } to } when facts.LocalDay(from).Date != facts.LocalDay(to).Date =>
            $"{Date(facts.LocalDay(from))} – {Date(facts.LocalDay(to))}",
        { EventFrom: { } from } => Date(facts.LocalDay(from)),
        _ => $"received {Date(facts.LocalDay(batch.ReceivedAt))}",
    };
}
