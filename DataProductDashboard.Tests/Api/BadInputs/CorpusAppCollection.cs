namespace DataProductDashboard.Tests.Api.BadInputs;

/// <summary>The test classes that share the corpus app (<see cref="BadInputCorpusFixture"/>: one trained product, so
/// no class pays for another app and another training run); they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusAppCollection : ICollectionFixture<BadInputCorpusFixture>
{
    public const string Name = "Corpus app";
}
