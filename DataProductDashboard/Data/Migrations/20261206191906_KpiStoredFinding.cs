using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiStoredFinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Finding",
                table: "Kpis",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Finding",
                table: "Kpis");
        }
    }
}
