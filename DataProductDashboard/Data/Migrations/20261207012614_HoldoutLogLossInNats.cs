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
            // it in natural-log units (sklearn). Bring the stored values to the same unit: × ln 2.
            migrationBuilder.Sql("""
                UPDATE "ModelVersions"
                SET "HoldoutMetrics" = json_set("HoldoutMetrics", '$.log_loss', json_extract("HoldoutMetrics", '$.log_loss') * 0.6931471805599453)
                WHERE "Source" = 1 AND json_extract("HoldoutMetrics", '$.log_loss') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "ModelVersions"
                SET "HoldoutMetrics" = json_set("HoldoutMetrics", '$.log_loss', json_extract("HoldoutMetrics", '$.log_loss') / 0.6931471805599453)
                WHERE "Source" = 1 AND json_extract("HoldoutMetrics", '$.log_loss') IS NOT NULL;
                """);
        }
    }
}
