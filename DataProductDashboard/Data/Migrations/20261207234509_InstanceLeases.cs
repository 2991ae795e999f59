using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataProductDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstanceLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "NotificationOutbox",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "NotificationOutbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BackgroundLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundLeases", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundLeases");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "NotificationOutbox");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "NotificationOutbox");
        }
    }
}
