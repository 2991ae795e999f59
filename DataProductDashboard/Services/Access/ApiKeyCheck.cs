namespace DataProductDashboard.Services.Access;

/// <summary>The outcome of presenting a key: the key when it is valid, else why not (for the 401's detail).</summary>
public sealed record ApiKeyCheck(ApiKeyView? Key, string? Failure)
{
    public static ApiKeyCheck Valid(ApiKeyView key) => new(key, null);
    public static ApiKeyCheck Invalid(string failure) => new(null, failure);
}
