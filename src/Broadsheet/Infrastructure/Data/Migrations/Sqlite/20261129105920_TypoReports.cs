using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TypoReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TypoReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fragment = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TypoReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TypoReports_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TypoReports_ArticleId_Fragment",
                table: "TypoReports",
                columns: new[] { "ArticleId", "Fragment" });

            migrationBuilder.CreateIndex(
                name: "IX_TypoReports_Status_LastReportedAt",
                table: "TypoReports",
                columns: new[] { "Status", "LastReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TypoReports");
        }
    }
}
