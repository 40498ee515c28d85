using Broadsheet.Infrastructure.Commands;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Tests.Site;

/// <summary>
/// `dotnet Broadsheet.dll …` as an operator types it, run as a process of its own in an empty working
/// folder, so that a command that fell back to ./data or started serving would show.
/// </summary>
public sealed class CommandTests : IDisposable
{
    private static readonly string[] Commands = ["migrate", "backup", "reindex", "import-wordpress"];
    private readonly string folder = Directory.CreateTempSubdirectory("broadsheet-commands-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string WorkingFolder => Directory.CreateDirectory(Path.Combine(folder, "cwd")).FullName;
    private string FallbackData => Path.Combine(folder, "cwd", "data");

    [SqliteFact]
    public async Task Backup_reads_an_absolute_path_as_the_file_and_the_settings_after_it_as_settings()
    {
        var data = Path.Combine(folder, "site");
        var (migrated, migrateOutput) = await AppProcess.RunToExitAsync(["migrate", $"--Broadsheet:DataDirectory={data}"], WorkingFolder);
        Assert.True(migrated == 0, migrateOutput);
        var copy = Path.Combine(folder, "copy.db");

        var (exit, output) = await AppProcess.RunToExitAsync(["backup", copy, $"--Broadsheet:DataDirectory={data}"], WorkingFolder);

        Assert.True(exit == 0, output);
        Assert.Contains($"Copied the database to {copy}", output);
        using (var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsHistory" """;
            Assert.True((long)query.ExecuteScalar()! > 0);
        }
        Assert.False(Directory.Exists(FallbackData), "the backup fell back to ./data");
        Assert.DoesNotContain("is open at", output);
    }

    [Fact]
    public async Task Backup_of_a_data_folder_without_a_database_is_an_error_and_creates_no_publication()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        var copy = Path.Combine(folder, "copy.db");

        var (exit, output) = await AppProcess.RunToExitAsync(["backup", copy, "--Broadsheet:DataDirectory", empty], WorkingFolder);

        Assert.NotEqual(0, exit);
        Assert.NotEqual(-1, exit);
        Assert.Contains("There is no database", output);
        Assert.False(File.Exists(Path.Combine(empty, "broadsheet.db")));
        Assert.False(File.Exists(copy));
        Assert.False(Directory.Exists(FallbackData));
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("import-wordpres", "x.xml")] // a typo of a real command is not taken for it
    [InlineData("reindx")]
    [InlineData("search-bench")] // the benchmarks live in bench/Broadsheet.Bench now
    public async Task An_unknown_command_lists_the_commands_and_exits_without_serving(params string[] args)
    {
        var (exit, output) = await AppProcess.RunToExitAsync(args, WorkingFolder);

        Assert.Equal(2, exit);
        Assert.Contains($"Unknown command '{args[0]}'", output);
        Assert.All(Commands, c => Assert.Contains(c, output));
        Assert.False(Directory.Exists(FallbackData));
    }

    [Fact]
    public async Task A_lone_path_is_an_unknown_command_not_a_switch_and_the_site_does_not_start()
    {
        var (exit, output) = await AppProcess.RunToExitAsync(["/tmp/x.db", "--Broadsheet:DataDirectory=" + Path.Combine(folder, "site")], WorkingFolder);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown command '/tmp/x.db'", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "site")));
    }

    [Fact]
    public async Task An_unknown_option_is_an_error()
    {
        var (exit, output) = await AppProcess.RunToExitAsync(["backup", Path.Combine(folder, "copy.db"), "--force"], WorkingFolder);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown option --force", output);
        Assert.False(Directory.Exists(FallbackData));
    }

    [Fact]
    public async Task Importing_an_export_that_is_not_there_says_so_and_fails()
    {
        var (exit, output) = await AppProcess.RunToExitAsync(["import-wordpress", "x.xml"], WorkingFolder);

        Assert.NotEqual(0, exit);
        Assert.Contains("No export at x.xml.", output);
    }

    [Fact]
    public async Task Importing_from_the_command_line_keeps_a_wordpress_page_off_an_address_the_site_answers()
    {
        var export = Path.Combine(folder, "export.xml");
        await File.WriteAllTextAsync(export, """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Old</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
            <item><title>Search us</title><link>http://old.example/search/</link><content:encoded><![CDATA[<p>How to find things.</p>]]></content:encoded>
            <wp:post_id>5</wp:post_id><wp:post_date_gmt>2025-01-02 07:00:00</wp:post_date_gmt><wp:post_name>search</wp:post_name>
            <wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
            </channel></rss>
            """);

        // A new database's schema and the search index rebuild take over a minute on a loaded machine.
        var (exit, output) = await AppProcess.RunToExitAsync(["import-wordpress", export, $"--Broadsheet:DataDirectory={Path.Combine(folder, "site")}"],
            WorkingFolder, timeout: TimeSpan.FromMinutes(5));

        Assert.Equal(0, exit);
        Assert.Contains("the address /search is taken here; imported as /search-2", output);
        Assert.Contains("Search index rebuilt.", output);
    }

    [Fact]
    public async Task Help_lists_every_command_on_a_line_of_its_own()
    {
        var (exit, output) = await AppProcess.RunToExitAsync(["--help"], WorkingFolder);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.All(Commands, c => Assert.Single(lines, l => l.TrimStart().StartsWith(c + " ", StringComparison.Ordinal)));
        // One line per command, and nothing but the production commands.
        Assert.Equal(Commands.Length, lines.Count(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(FallbackData));
    }

    [Fact]
    public void Settings_given_either_way_reach_the_configuration_as_key_and_value_and_double_dash_ends_the_options()
    {
        SiteCommand backup = new("backup", "FILE", "copies", (_, _) => Task.FromResult(0));
        var line = CommandLine.Parse(["backup", "--urls", "http://127.0.0.1:5000", "--Broadsheet:SeedDemo", "false", "--", "--odd name.db"],
            [backup], TextWriter.Null, TextWriter.Null);

        Assert.Null(line.ExitCode);
        Assert.Same(backup, line.Command);
        Assert.Equal(["--odd name.db"], line.Arguments);
        Assert.Equal(["--urls=http://127.0.0.1:5000", "--Broadsheet:SeedDemo=false"], line.Configuration);
    }
}
