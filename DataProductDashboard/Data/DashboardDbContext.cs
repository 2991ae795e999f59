using DataProductDashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>The one EF Core context of the app (with the Identity stores and the data-protection keys); services create
/// short-lived instances through a factory.</summary>
public class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies, antiforgery and reset tokens: in the database, so every instance
    /// on it reads what another wrote.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DataProduct> Products => Set<DataProduct>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<ShadowPrediction> ShadowPredictions => Set<ShadowPrediction>();
    public DbSet<MetricRun> MetricRuns => Set<MetricRun>();
    public DbSet<MetricPoint> MetricPoints => Set<MetricPoint>();
    public DbSet<BatchStatistic> BatchStatistics => Set<BatchStatistic>();
    public DbSet<BatchReferenceSample> ReferenceSamples => Set<BatchReferenceSample>();
    public DbSet<GroupCell> GroupCells => Set<GroupCell>();
    public DbSet<GateRule> GateRules => Set<GateRule>();
    public DbSet<GateEvaluation> GateEvaluations => Set<GateEvaluation>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<ReleaseWaiver> ReleaseWaivers => Set<ReleaseWaiver>();
    public DbSet<AuditTrailEntry> AuditTrail => Set<AuditTrailEntry>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiValue> KpiValues => Set<KpiValue>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<BackgroundLease> BackgroundLeases => Set<BackgroundLease>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<OutboxMessage> NotificationOutbox => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ProductSchemaVersion> SchemaVersions => Set<ProductSchemaVersion>();
    public DbSet<SharedFile> SharedFiles => Set<SharedFile>();
    public DbSet<SharedFileChunk> SharedFileChunks => Set<SharedFileChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
