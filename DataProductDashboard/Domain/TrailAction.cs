namespace DataProductDashboard.Domain;

/// <summary>What a product's audit trail records.</summary>
public enum TrailAction
{
    GateCreated, GateUpdated, GateDeleted,
    Promoted, PromotionRefused, Waived, RolledBack,
    ChannelCreated, ChannelUpdated, ChannelDeleted,
    CadenceChanged,
    KpiCreated, KpiUpdated, KpiDeleted, KpiValuesUploaded,
    ExperimentStarted, ExperimentDecided,
    ChannelSecretRotated,
    ProductUpdated,
    SchemaChanged, ProductArchived, ProductRestored, RetentionPurged,
    ModelRegistered, ModelTrained, EvaluationSetChanged,
    ChallengerMarked, ChallengerUnmarked,
}
