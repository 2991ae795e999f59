using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertWaivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WaiverId",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_WaiverId",
                table: "Alerts",
                column: "WaiverId");

            migrationBuilder.AddForeignKey(
                name: "FK_Alerts_ReleaseWaivers_WaiverId",
                table: "Alerts",
                column: "WaiverId",
                principalTable: "ReleaseWaivers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Alerts_ReleaseWaivers_WaiverId",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_WaiverId",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "WaiverId",
                table: "Alerts");
        }
    }
}
