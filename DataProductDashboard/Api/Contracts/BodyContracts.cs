using DataProductDashboard.Domain;

namespace DataProductDashboard.Api.Contracts;

// The JSON bodies the handlers read field by field (so that each bad field gets its own error), as types for the
// OpenAPI document: the names are the fields the handlers read.

/// <summary>Body of POST /api/experiments/{experimentId}/decision.</summary>
public sealed record ExperimentDecisionRequest(ExperimentDecision Decision, string Reason);

/// <summary>Body of POST /api/products/{productId}/models/{version}/waivers: why the failing release gates are waived, until when.</summary>
public sealed record WaiverRequest(string Reason, DateTime ExpiresAt);

/// <summary>Body of PUT /api/products/{productId}/cadence: hours expected between batches (null: no expectation).</summary>
public sealed record CadenceRequest(double? ExpectedCadenceHours);

/// <summary>Body of POST /api/admin/users: without a password the answer carries a generated one, shown once.</summary>
public sealed record AddUserRequest(string Email, IReadOnlyList<string> Roles, string? Password = null);

/// <summary>Body of PUT /api/admin/users/{email}/roles.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string> Roles);
