using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Search;

/// <summary>
/// How often each spelling occurs in what the site has published, as the last reading of the whole archive counted it,
/// brought up to date one changed article at a time. What an article published since that reading added is kept, so
/// that a later change to it (an edit, a removal) takes exactly that back; an article the whole reading counted cannot
/// be followed (its old words are not kept), and <see cref="Follow"/> says so.
/// </summary>
internal sealed partial class WordTally(DateTime countedUpTo)
{
    private readonly Dictionary<string, int> forms = [];
    private readonly Dictionary<int, Dictionary<string, int>> addedSince = [];

    /// <summary>The whole reading's "now": an article published later was not in it.</summary>
    public DateTime CountedUpTo { get; } = countedUpTo;

    /// <summary>During the whole reading: counts an article if it is out by <see cref="CountedUpTo"/>.</summary>
    public void Count(SiteWords.WordSource article)
    {
        if (IsOut(article, CountedUpTo)) CountWords(article, forms);
    }

    /// <summary>
    /// Brings the counts up to date with one article as it now is (null: deleted). False when that cannot be done
    /// exactly: the whole reading may have counted its earlier words, which are not kept here.
    /// </summary>
    public bool Follow(int articleId, SiteWords.WordSource? article, DateTime now)
    {
        if (addedSince.Remove(articleId, out var before)) Add(before, forms, -1);
        // Gone, or out by the time the whole reading counted to: it may be in the counts, with words since changed.
        // Otherwise (never published, as a draft however often saved; or first out after that reading) it is not.
        else if (article is null || article.PublishedAt is { } at && at <= CountedUpTo) return false;

        if (article is not null && IsOut(article, now))
        {
            var words = new Dictionary<string, int>();
            CountWords(article, words);
            Add(words, forms, +1);
            addedSince[articleId] = words;
        }
        return true;
    }

    public SiteWords.Vocabulary ToVocabulary() => new(forms
        .GroupBy(f => SiteWords.Key(f.Key))
        .Select(g => new SiteWords.Entry(g.Key, g.MaxBy(f => f.Value).Key, g.Sum(f => f.Value))));

    private static bool IsOut(SiteWords.WordSource article, DateTime now) =>
        article.Status == ArticleStatus.Published && article.PublishedAt is { } at && at <= now;

    /// <summary>Each spelling (lower case, ё kept: «ёлка» and «елка» are one key, suggested as the site mostly writes it) with how often it occurs.</summary>
    private static void CountWords(SiteWords.WordSource article, Dictionary<string, int> words)
    {
        foreach (var text in (ReadOnlySpan<string>)[article.Title, article.Lead, ArticleSource.PlainText(article.BodyHtml)])
            foreach (Match m in Word().Matches(text))
            {
                var form = m.Value.ToLower(CultureInfo.InvariantCulture);
                words[form] = words.GetValueOrDefault(form) + 1;
            }
    }

    private static void Add(Dictionary<string, int> words, Dictionary<string, int> into, int sign)
    {
        foreach (var (form, count) in words)
        {
            var total = into.GetValueOrDefault(form) + sign * count;
            if (total > 0) into[form] = total;
            else into.Remove(form);
        }
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
