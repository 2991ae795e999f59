using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class PredictionProductKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProductId",
                table: "Predictions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing rows take their batch's product before the index is built.
            migrationBuilder.Sql("UPDATE \"Predictions\" SET \"ProductId\" = (SELECT \"ProductId\" FROM \"Batches\" WHERE \"Batches\".\"Id\" = \"Predictions\".\"BatchId\");");

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_ProductId_RowKey",
                table: "Predictions",
                columns: new[] { "ProductId", "RowKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Predictions_ProductId_RowKey",
                table: "Predictions");

            migrationBuilder.DropColumn(
                name: "ProductId",
                table: "Predictions");
        }
    }
}
