using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Testing;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Every phrase a newsroom screen asks for has its Russian, so the Russian newsroom has no English left in it.</summary>
public sealed partial class NewsroomWordsTests
{
    private static readonly string App = Path.Combine(AppProcess.RepositoryRoot, "src", "Broadsheet");

    /// <summary>Source text, not HTML: the phrases a screen or page model passes to <c>W["…"]</c> or <c>Words["…"]</c>.</summary>
    [GeneratedRegex("""\b(?:W|Words|words)\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex Asked();

    [Fact]
    public void Every_phrase_asked_for_has_its_russian()
    {
        var words = new NewsroomWords();
        var asked = Directory.EnumerateFiles(App, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(App, f), Phrase: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.Contains(asked, a => a.Phrase == "Sign out");
        var missing = asked.Where(a => !words.Knows(a.Phrase)).Select(a => $"{a.File}: \"{a.Phrase}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "No Russian for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_phrase_reads_in_the_requests_language_and_fills_its_holes_in_that_culture()
    {
        var words = new NewsroomWords(new Dictionary<string, string> { ["Scheduled for {0:d MMMM}"] = "Запланировано на {0:d MMMM}" });
        var at = new DateTime(2026, 12, 2);
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            Assert.Equal("Запланировано на 2 декабря", words["Scheduled for {0:d MMMM}", at]);
            Assert.Equal("Not translated", words["Not translated"]);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Scheduled for 2 December", words["Scheduled for {0:d MMMM}", at]);
            // A context before the bar is not shown; a bar inside a phrase is.
            Assert.Equal("published", words["revision|published"]);
            Assert.Equal("Name | https://…", words["Name | https://…"]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
