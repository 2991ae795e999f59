using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class HoldoutLogLossInNats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Versions trained in the app stored ML.NET's hold-out log loss, which is in bits; production batches compute
            // it in natural-log units (sklearn). Bring the stored values to the same unit: × ln 2. Stores made before this
            // migration are SQLite ones (its JSON functions); a new store of another provider has nothing to convert.
            if (!migrationBuilder.IsSqlite())
                return;
            migrationBuilder.Sql("""
                UPDATE "ModelVersions"
                SET "HoldoutMetrics" = json_set("HoldoutMetrics", '$.log_loss', json_extract("HoldoutMetrics", '$.log_loss') * 0.6931471805599453)
                WHERE "Source" = 'TrainedInApp' AND json_extract("HoldoutMetrics", '$.log_loss') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
                return;
            migrationBuilder.Sql("""
                UPDATE "ModelVersions"
                SET "HoldoutMetrics" = json_set("HoldoutMetrics", '$.log_loss', json_extract("HoldoutMetrics", '$.log_loss') / 0.6931471805599453)
                WHERE "Source" = 'TrainedInApp' AND json_extract("HoldoutMetrics", '$.log_loss') IS NOT NULL;
                """);
        }
    }
}
