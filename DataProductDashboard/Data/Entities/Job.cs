using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>Queued or running background work (a large import, a training run), kept in the database so that it
/// survives a restart: its input is a content-addressed stored file, so an interrupted job runs again from it.</summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public int ProductId { get; set; }
    public JobState State { get; set; }
    public string Stage { get; set; } = "Queued";
    public int RowsDone { get; set; }
    public int RowsTotal { get; set; }
    public int? BatchId { get; set; }
    public int? ModelVersion { get; set; }
    public string? Error { get; set; }
    /// <summary>Times the job was started; an interrupted job runs again until the limit, then fails with the reason.</summary>
    public int Attempts { get; set; }
    /// <summary>Content store area and SHA-256 of the input file.</summary>
    public required string InputArea { get; set; }
    public required string InputHash { get; set; }
    public string InputExtension { get; set; } = ".csv";
    public string InputFileName { get; set; } = "";
    /// <summary>Kind-specific settings as JSON (e.g. the trainer of a training job).</summary>
    public string? Parameters { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The instance running the job (<see cref="Services.Operations.InstanceIdentity"/>) while it runs.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>Until when the running job is its owner's: renewed by the owner's heartbeat; past it, any instance
    /// takes the job over (the owner died).</summary>
    public DateTime? LeaseExpiresAt { get; set; }
}
