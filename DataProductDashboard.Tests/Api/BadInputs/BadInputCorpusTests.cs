using DataProductDashboard.Tests.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataProductDashboard.Tests.Api.BadInputs;

/// <summary>Every entry of <see cref="BadInputCorpus"/>: the expected status as problem details, the message fragment,
/// the error named by field / parameter / "row N, column 'c'", and nothing stored (every table and the data folder
/// counted before and after).</summary>
[Collection(CorpusAppCollection.Name)]
[Trait(Providers.Trait, Providers.Both)]
public sealed class BadInputCorpusTests(BadInputCorpusFixture fixture)
{
    public static TheoryData<string> Names => [.. BadInputCorpus.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_Entries_AreAtLeastSixtyWithUniqueNames()
    {
        Assert.True(BadInputCorpus.All.Count >= 60, $"{BadInputCorpus.All.Count} entries");
        Assert.Equal(BadInputCorpus.All.Count, BadInputCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Send_BadInput_AnswersProblemNamingTheFieldAndStoresNothing(string name)
    {
        var input = BadInputCorpus.All.Single(c => c.Name == name);
        var before = await fixture.Factory.CountStoredAsync();

        using var request = new HttpRequestMessage(new HttpMethod(input.Method), fixture.Resolve(input.Path)) { Content = input.Content() };
        using var response = await fixture.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(input.Status == (int)response.StatusCode, $"{name}: expected {input.Status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(input.Status, problem.GetProperty("status").GetInt32());
        var errors = problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray())
            : [];
        if (input.Status == 400)
            Assert.True(errors.Count > 0, $"{name}: a 400 without errors: {text}");
        if (input.Key is { } key)
            Assert.True(errors.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal)), $"{name}: no error keyed '{key}': {text}");
        var messages = string.Join(" | ", errors.SelectMany(x => x.Value).Prepend(problem.TryGetProperty("detail", out var d) ? d.GetString() : ""));
        Assert.True(messages.Contains(input.Fragment, StringComparison.Ordinal), $"{name}: '{input.Fragment}' not in: {text}");

        var after = await fixture.Factory.CountStoredAsync();
        Assert.Equal(before, after);
    }
}
