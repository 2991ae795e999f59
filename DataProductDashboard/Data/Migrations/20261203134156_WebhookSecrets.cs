using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class WebhookSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Secret",
                table: "NotificationChannels",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Secret",
                table: "NotificationChannels");
        }
    }
}
