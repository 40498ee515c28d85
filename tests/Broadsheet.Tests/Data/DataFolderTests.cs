using Broadsheet.Infrastructure;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Tests.Data;

/// <summary>Where the data folder is when the setting is relative (./data by default): in the content root, whatever the working directory.</summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("broadsheet-data-folder-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_default_data_folder_is_data_in_the_content_root()
    {
        var options = new BroadsheetOptions().ResolvedAgainst("/srv/news");

        Assert.Equal("/srv/news/data", options.DataPath);
        Assert.Equal("/srv/news/data/media", options.MediaPath);
    }

    [Fact]
    public void A_relative_data_folder_is_resolved_against_the_content_root_and_an_absolute_one_is_kept()
    {
        Assert.Equal("/srv/shared/news", new BroadsheetOptions { DataDirectory = "../shared/news" }.ResolvedAgainst("/srv/site").DataPath);
        Assert.Equal("/var/lib/broadsheet", new BroadsheetOptions { DataDirectory = "/var/lib/broadsheet" }.ResolvedAgainst("/srv/site").DataPath);
    }

    [SqliteFact]
    public async Task The_app_started_elsewhere_with_a_content_root_keeps_its_data_there_not_in_the_working_directory()
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(folder, "site")).FullName;
        var workingDirectory = Directory.CreateDirectory(Path.Combine(folder, "cwd")).FullName;

        var (exit, output) = await AppProcess.RunToExitAsync(["migrate", "--contentRoot", contentRoot], workingDirectory);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(contentRoot, "data", "broadsheet.db")), output);
        Assert.False(Directory.Exists(Path.Combine(workingDirectory, "data")));
    }
}
