using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WordLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rules a moderator added before lists had languages read like "any": their forms follow their own letters.
            migrationBuilder.AddColumn<bool>(
                name: "ExactOnly",
                table: "CommentRule",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Forms",
                table: "CommentRule",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "CommentRule",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Any");

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -18,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -17,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -16,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -15,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Ru" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -14,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "En" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -13,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -12,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -11,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -10,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -9,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -8,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -7,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Any" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -6,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Ru" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -5,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Ru" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -4,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "Ru" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -3,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "En" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -2,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "En" });

            migrationBuilder.UpdateData(
                table: "CommentRule",
                keyColumn: "Id",
                keyValue: -1,
                columns: new[] { "ExactOnly", "Forms", "Language" },
                values: new object[] { false, "", "En" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExactOnly",
                table: "CommentRule");

            migrationBuilder.DropColumn(
                name: "Forms",
                table: "CommentRule");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "CommentRule");
        }
    }
}
