namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Ids in the seeded UI test database.</summary>
public sealed record SeededData(string Root, int RentalsId, int EmptyProductId, int ChampionVersion, int CandidateVersion, int OldBatchId, int NewBatchId);
