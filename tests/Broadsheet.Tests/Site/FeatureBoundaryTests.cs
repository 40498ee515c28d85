using System.Text.RegularExpressions;
using Broadsheet.Testing;

namespace Broadsheet.Tests.Site;

/// <summary>
/// The folders of src/Broadsheet import each other only along the edges docs/ARCHITECTURE.md lists
/// ("Folders and the imports between them"), and those edges form no loop. Features may use any
/// Infrastructure folder; Infrastructure names no feature except in the file exceptions listed there.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    private static readonly string Architecture = Path.Combine(AppProcess.RepositoryRoot, "docs", "ARCHITECTURE.md");
    private static readonly string App = Path.Combine(AppProcess.RepositoryRoot, "src", "Broadsheet");

    [Fact]
    public void Every_import_between_folders_is_an_allowed_edge()
    {
        var allowed = AllowedEdges.Read(File.ReadAllText(Architecture));
        var outside = allowed.Outside(FolderImports.Scan(FolderImports.ReadApp(App)));
        Assert.True(outside.Count == 0,
            $"Imports outside the allowed edges in docs/ARCHITECTURE.md (move the type, or add the edge there if it keeps the folders free of loops):\n{string.Join('\n', outside)}");
    }

    [Fact]
    public void The_allowed_edges_form_no_loop()
    {
        var allowed = AllowedEdges.Read(File.ReadAllText(Architecture));
        Assert.True(allowed.Edges.Count > 20, "the list of allowed edges was not found in docs/ARCHITECTURE.md");
        Assert.Null(allowed.FindLoop());
    }

    [Fact]
    public void Infrastructure_is_allowed_no_feature()
    {
        var allowed = AllowedEdges.Read(File.ReadAllText(Architecture));
        Assert.DoesNotContain(allowed.Edges, e => e.From.StartsWith("Infrastructure", StringComparison.Ordinal) && e.To.StartsWith("Features/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reintroduced_edge_is_named_with_its_file_and_line()
    {
        var allowed = AllowedEdges.Read(File.ReadAllText(Architecture));
        string[] files =
        [
            "Features/Accounts/ReaderAccountText.cs", "namespace Broadsheet.Features.Accounts;\npublic sealed class ReaderAccountText;\npublic static class StaffRoles;",
            "Features/Comments/CommentThread.cs", "namespace Broadsheet.Features.Comments;\npublic sealed record CommentPage(int Count);",
            "Features/Newsroom/NewsroomSetup.cs", "namespace Broadsheet.Features.Newsroom;\npublic static class NewsroomSetup;",
            "Features/Site/SiteContext.cs", "namespace Broadsheet.Features.Site;\npublic sealed class SiteContext;",
            "Features/Site/UiText.cs", "using System.Globalization;\nusing Broadsheet.Features.Accounts;\n\nnamespace Broadsheet.Features.Site;\npublic sealed class UiText;",
            "Features/Articles/Read.cshtml.cs", "namespace Broadsheet.Features.Articles;\npublic sealed class ReadModel\n{\n    public Comments.CommentPage? Comments { get; }\n}",
            "Features/Articles/Read.cshtml", "@model ReadModel\n@{ var t = Site.Text; }\n<p>@Site.Settings.PublicationName</p>",
            "Features/Shared/_ViewImports.cshtml", "@using Broadsheet.Features.Articles\n@using Broadsheet.Features.Newsroom",
            "Features/Shared/_Layout.cshtml", "@inject Broadsheet.Features.Site.SiteContext Context\n<main>@RenderBody()</main>",
            "Infrastructure/Caching/CacheEviction.cs", "namespace Broadsheet.Infrastructure.Caching;\npublic sealed class CacheEviction(Features.Site.SiteContext site);",
        ];
        var sources = files.Chunk(2).Select(f => (f[0], f[1]));

        var outside = allowed.Outside(FolderImports.Scan(sources)).Select(i => i.ToString()).ToList();

        Assert.Contains(outside, i => i.StartsWith("Features/Site/UiText.cs:2: Features/Site -> Features/Accounts", StringComparison.Ordinal));
        Assert.Contains(outside, i => i.StartsWith("Features/Articles/Read.cshtml.cs:4: Features/Articles -> Features/Comments", StringComparison.Ordinal));
        Assert.Contains(outside, i => i.StartsWith("Features/Shared/_ViewImports.cshtml:2: Features/Shared -> Features/Newsroom", StringComparison.Ordinal));
        Assert.Contains(outside, i => i.StartsWith("Infrastructure/Caching/CacheEviction.cs:2: Infrastructure/Caching -> Features/Site", StringComparison.Ordinal));
        // Allowed ones, and `Site.Text` (the views' SiteContext property, not the Site namespace), are not reported.
        Assert.Equal(4, outside.Count);
    }

    /// <summary>The edges listed in docs/ARCHITECTURE.md, and the files excepted from them.</summary>
    private sealed record AllowedEdges(List<(string From, string To)> Edges, List<(string File, string To)> FileExceptions)
    {
        public static AllowedEdges Read(string markdown)
        {
            List<(string, string)> edges = [], exceptions = [];
            foreach (Match block in FencedBlock().Matches(markdown))
            {
                foreach (var raw in block.Groups[2].Value.Split('\n'))
                {
                    var line = raw.Split('#')[0].Trim();
                    if (line.Length == 0) continue;
                    var arrow = line.IndexOf("->", StringComparison.Ordinal);
                    Assert.True(arrow > 0, $"not an edge line in docs/ARCHITECTURE.md: {raw}");
                    var from = line[..arrow].Trim();
                    var targets = line[(arrow + 2)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var to in targets)
                    {
                        if (block.Groups[1].Value == "edges") edges.Add((Folder(from), Folder(to)));
                        else exceptions.Add((from, to == "*" ? "*" : Folder(to)));
                    }
                }
            }
            return new AllowedEdges(edges, exceptions);
        }

        /// <summary>"Articles" is Features/Articles; Infrastructure folders are written out.</summary>
        private static string Folder(string name) => name.StartsWith("Infrastructure", StringComparison.Ordinal) ? name : "Features/" + name;

        public List<FolderImport> Outside(IEnumerable<FolderImport> imports) =>
        [
            .. imports.Where(i => !(i.From.StartsWith("Features/", StringComparison.Ordinal) && i.To.StartsWith("Infrastructure", StringComparison.Ordinal))
                && !Edges.Contains((i.From, i.To))
                && !FileExceptions.Any(x => x.File == i.File && (x.To == "*" || x.To == i.To))),
        ];

        /// <summary>A loop among the allowed edges, written out, or null when they can be ordered bottom to top.</summary>
        public string? FindLoop()
        {
            var next = Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
            var state = new Dictionary<string, int>();
            var path = new List<string>();
            string? Visit(string folder)
            {
                if (state.GetValueOrDefault(folder) == 2) return null;
                if (state.GetValueOrDefault(folder) == 1) return string.Join(" -> ", path.SkipWhile(p => p != folder).Append(folder));
                state[folder] = 1;
                path.Add(folder);
                foreach (var to in next.GetValueOrDefault(folder) ?? [])
                    if (Visit(to) is { } loop) return loop;
                path.RemoveAt(path.Count - 1);
                state[folder] = 2;
                return null;
            }
            return next.Keys.Select(Visit).FirstOrDefault(l => l is not null);
        }
    }

    [GeneratedRegex(@"^```(edges|edge-exceptions)\s*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
