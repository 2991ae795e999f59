using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing batches are numbered per product in id order, which is their arrival (insert) order; a backfill
            // keeps the number of when it arrived, though it is placed at its newest event time.
            migrationBuilder.Sql(
                """
                UPDATE Batches SET Number = numbered.Number
                FROM (SELECT Id, ROW_NUMBER() OVER (PARTITION BY ProductId ORDER BY Id) AS Number FROM Batches) AS numbered
                WHERE Batches.Id = numbered.Id;
                """);

            // The KPI findings cached before name their evidence batch by id: classified again on the next read.
            migrationBuilder.Sql("UPDATE Kpis SET Finding = NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Batches_ProductId_Number",
                table: "Batches",
                columns: new[] { "ProductId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Batches_ProductId_Number",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Batches");
        }
    }
}
