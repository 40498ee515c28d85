using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search on PostgreSQL (PostgresArticleSearch). The column lives only in the database, not in the
            // EF model: mapped, it would be read with every article EF loads. Each of title (A), lead (B) and
            // body (C) goes in as Russian and as English, as Lucene's document does, with ё folded into е;
            // the body's tags and entities are tokens the parser does not index.
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('russian', translate("Title", 'ёЁ', 'еЕ')), 'A')
                    || setweight(to_tsvector('russian', translate("Lead", 'ёЁ', 'еЕ')), 'B')
                    || setweight(to_tsvector('russian', translate("BodyHtml", 'ёЁ', 'еЕ')), 'C')
                    || setweight(to_tsvector('english', translate("Title", 'ёЁ', 'еЕ')), 'A')
                    || setweight(to_tsvector('english', translate("Lead", 'ёЁ', 'еЕ')), 'B')
                    || setweight(to_tsvector('english', translate("BodyHtml", 'ёЁ', 'еЕ')), 'C')
                ) STORED;
                CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Articles_SearchVector";
                ALTER TABLE "Articles" DROP COLUMN "SearchVector";
                """);
        }
    }
}
