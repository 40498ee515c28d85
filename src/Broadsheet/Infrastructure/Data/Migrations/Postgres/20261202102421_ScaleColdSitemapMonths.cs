using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScaleColdSitemapMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SitemapMonths",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Articles = table.Column<int>(type: "integer", nullable: false),
                    LastChange = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SitemapMonths", x => new { x.Year, x.Month });
                });

            // The database keeps each month's count itself, so that every writer of "Articles" keeps it true (see SitemapMonth).
            migrationBuilder.Sql("""
                INSERT INTO "SitemapMonths" ("Year", "Month", "Articles", "LastChange")
                SELECT date_part('year', "PublishedAt" AT TIME ZONE 'UTC')::int, date_part('month', "PublishedAt" AT TIME ZONE 'UTC')::int,
                       COUNT(*), MAX(GREATEST("PublishedAt", "UpdatedAt"))
                FROM "Articles" WHERE "Status" = 'Published' AND "PublishedAt" IS NOT NULL
                GROUP BY 1, 2
                """);
            // An update leaves the old month (if it was counted there) and enters the new one; a correction does both in one month.
            migrationBuilder.Sql("""
                CREATE FUNCTION sitemap_months_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND OLD."Status" = 'Published' AND OLD."PublishedAt" IS NOT NULL THEN
                        UPDATE "SitemapMonths" SET "Articles" = "Articles" - 1
                        WHERE "Year" = date_part('year', OLD."PublishedAt" AT TIME ZONE 'UTC')::int
                          AND "Month" = date_part('month', OLD."PublishedAt" AT TIME ZONE 'UTC')::int;
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."Status" = 'Published' AND NEW."PublishedAt" IS NOT NULL THEN
                        INSERT INTO "SitemapMonths" ("Year", "Month", "Articles", "LastChange")
                        VALUES (date_part('year', NEW."PublishedAt" AT TIME ZONE 'UTC')::int, date_part('month', NEW."PublishedAt" AT TIME ZONE 'UTC')::int,
                                1, GREATEST(NEW."PublishedAt", NEW."UpdatedAt"))
                        ON CONFLICT ("Year", "Month") DO UPDATE
                        SET "Articles" = "SitemapMonths"."Articles" + 1, "LastChange" = GREATEST("SitemapMonths"."LastChange", excluded."LastChange");
                    END IF;
                    RETURN NULL;
                END
                $$
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SitemapMonths_Follow" AFTER INSERT OR DELETE OR UPDATE OF "Status", "PublishedAt", "UpdatedAt" ON "Articles"
                FOR EACH ROW EXECUTE FUNCTION sitemap_months_follow()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SitemapMonths_Follow" ON "Articles" """);
            migrationBuilder.Sql("DROP FUNCTION sitemap_months_follow()");
            migrationBuilder.DropTable(
                name: "SitemapMonths");
        }
    }
}
