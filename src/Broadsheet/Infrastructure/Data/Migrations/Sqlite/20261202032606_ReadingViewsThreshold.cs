using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadingViewsThreshold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ViewsShownFrom",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: false,
                // An existing site hides counts under 100, as a new one does (SiteSettings.ViewsShownFrom).
                defaultValue: 100);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ViewsShownFrom",
                table: "SiteSettings");
        }
    }
}
