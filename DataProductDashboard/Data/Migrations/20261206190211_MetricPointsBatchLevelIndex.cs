using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MetricPointsBatchLevelIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints",
                columns: new[] { "ProductId", "MetricKey", "At", "BatchId", "Value" },
                filter: "\"Column\" IS NULL AND \"Segment\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricPoints_BatchLevel",
                table: "MetricPoints");
        }
    }
}
