using DataProductDashboard.Domain;

namespace DataProductDashboard.Hosting.Access;

/// <summary>The authorization policies every endpoint and page names; each is a role list from <see cref="DashboardRoles"/>.
/// The whole API also requires <see cref="Read"/>, which checks a restricted key's products.</summary>
public static class DashboardPolicies
{
    public const string Read = nameof(Read);
    public const string Manage = nameof(Manage);
    public const string ModelWork = nameof(ModelWork);
    public const string Upload = nameof(Upload);
    public const string KpiUpload = nameof(KpiUpload);
    public const string Contribute = nameof(Contribute);
    public const string Respond = nameof(Respond);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        [Read] = DashboardRoles.Readers,
        [Manage] = DashboardRoles.Managers,
        [ModelWork] = DashboardRoles.ModelEditors,
        [Upload] = DashboardRoles.Uploaders,
        [KpiUpload] = DashboardRoles.KpiUploaders,
        [Contribute] = DashboardRoles.Contributors,
        [Respond] = DashboardRoles.Responders,
        [Admin] = DashboardRoles.Admins,
    };
}
