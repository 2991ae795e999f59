namespace DataProductDashboard.Domain;

/// <summary>What a gate's metric must satisfy to pass. <see cref="Between"/> is inclusive of both bounds;
/// <see cref="RelativeToReference"/> compares with the model's reference (hold-out metrics, training predictions),
/// <see cref="RelativeToChampion"/> with the champion's value on the same evidence (release gates).</summary>
public enum GateCondition { Gt, Gte, Lt, Lte, Between, Eq, RelativeToReference, RelativeToChampion }
