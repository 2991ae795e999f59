using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Models;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class ModelVersionsCsvTests
{
    [Fact]
    public void Write_Versions_OneColumnPerMetricAndQuotedNotes()
    {
        ModelVersionSummary[] versions =
        [
            new(1, 1, 2, ModelSource.TrainedInApp, "FastTree (Regression)", ModelStatus.Champion, "m.zip", "abc", 10, 1.5, 48, 12,
                new Dictionary<string, double> { ["rmse"] = 2.5, ["mae"] = 1.25 }, "tuned, v2", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), 3),
            new(2, 1, 1, ModelSource.Uploaded, "uploaded ML.NET model", ModelStatus.Challenger, "u.zip", "def", 10, null, null, null,
                new Dictionary<string, double>(), "", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0),
        ];

        var lines = ModelVersionsCsv.Write(versions).TrimEnd('\n').Split('\n');

        Assert.Equal("version,status,source,trainer,training_seconds,training_rows,holdout_rows,holdout_mae,holdout_rmse,file_name,file_hash,created_at,batches,notes", lines[0]);
        Assert.Equal("2,Champion,TrainedInApp,FastTree (Regression),1.5,48,12,1.25,2.5,m.zip,abc,2026-01-02T03:04:05Z,3,\"tuned, v2\"", lines[1]);
        Assert.Equal("1,Challenger,Uploaded,uploaded ML.NET model,,,,,,u.zip,def,2026-01-01T00:00:00Z,0,", lines[2]);
    }
}
