using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Time;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>The shareable state of the gates page, normalized:
/// <c>?tab=history&amp;rule=4&amp;status=Failed&amp;from=2011-09-01&amp;to=2011-12-31&amp;page=2</c>.
/// The time range is the product's shared one (<see cref="TimeRange"/>: <c>range</c>, or <c>from</c>/<c>to</c> days).</summary>
public sealed record GatesPageQuery(string Tab, int? RuleId, GateStatus? Status, TimeRange Range, int Page)
{
    public const string Rules = "rules";
    public const string Proposals = "proposals";
    public const string History = "history";
    public const string Trail = "trail";
    public static readonly string[] Tabs = [Rules, Proposals, History, Trail];

    public static GatesPageQuery Default { get; } = new(Rules, null, null, TimeRange.Default, 1);

    public static GatesPageQuery From(string? tab, int? rule, string? status, string? range, string? from, string? to, int? page) => new(
        Tabs.FirstOrDefault(t => string.Equals(t, tab, StringComparison.OrdinalIgnoreCase)) ?? Rules,
        rule is > 0 ? rule : null,
        Enum.TryParse<GateStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        TimeRange.Parse(range, from, to),
        page is > 0 ? page.Value : 1);

    public int TabIndex => Array.IndexOf(Tabs, Tab);

    public bool HasFilters => RuleId is not null || Status is not null || Range != TimeRange.Default;

    public GatesPageQuery WithTab(int index) => this with { Tab = Tabs[Math.Clamp(index, 0, Tabs.Length - 1)] };

    /// <summary>The stored outcomes to load: rule and time always; status only when <paramref name="withStatus"/>
    /// (the outcome chart shows every status, the table only the chosen one).</summary>
    public EvaluationFilter ToFilter(bool withStatus, int pageSize, TimeWindow? window) =>
        new(RuleId, withStatus ? Status : null, window?.From, window?.LastTick, null, 1, pageSize);

    /// <summary>Query parameters that differ from the defaults (null removes a parameter from the URL).</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>(Range.ToQuery())
    {
        ["tab"] = Tab == Rules ? null : Tab,
        ["rule"] = RuleId,
        ["status"] = Status?.ToString(),
        ["page"] = Page == 1 ? null : Page,
    };
}
