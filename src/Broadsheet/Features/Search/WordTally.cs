using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Search;

/// <summary>
/// How often each spelling occurs in what the site has published, as the last reading of the whole archive counted it,
/// brought up to date one changed article at a time. What an article published since that reading added is kept, so
/// that a later change to it (an edit, a removal) takes exactly that back; an article the whole reading counted cannot
/// be followed (its old words are not kept), and <see cref="Follow"/> says so.
/// The words as the speller looks them up (by key, and by stem) are kept up to date too, only where a followed article
/// changed them: building them all again took half a second at 300,000 forms, which the first reader to search after
/// each publication waited for.
/// </summary>
internal sealed partial class WordTally(DateTime countedUpTo)
{
    private readonly Dictionary<string, int> forms = [];
    private readonly Dictionary<int, Dictionary<string, int>> addedSince = [];
    // The lookup forms, built once the whole reading has counted, then changed key by key:
    private bool built;
    private readonly Dictionary<string, SiteWords.Entry> keys = [];
    private readonly Dictionary<string, SiteWords.Entry> stems = [];
    /// <summary>A key's spellings other than itself: those with ё (every form is lower case, so the rest is the key).</summary>
    private readonly Dictionary<string, List<string>> withYo = [];
    private readonly HashSet<string> changedKeys = [];

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
        if (addedSince.Remove(articleId, out var before)) Add(before, -1);
        // Gone, or out by the time the whole reading counted to: it may be in the counts, with words since changed.
        // Otherwise (never published, as a draft however often saved; or first out after that reading) it is not.
        else if (article is null || article.PublishedAt is { } at && at <= CountedUpTo) return false;

        if (article is not null && IsOut(article, now))
        {
            var words = new Dictionary<string, int>();
            CountWords(article, words);
            Add(words, +1);
            addedSince[articleId] = words;
        }
        return true;
    }

    public SiteWords.Vocabulary ToVocabulary()
    {
        if (!built)
        {
            // Every key once: first where the ё spellings are, then each key from its spellings.
            foreach (var form in forms.Keys) if (HasYo(form)) Spelt(form);
            foreach (var form in forms.Keys) if (!HasYo(form)) Settle(form);
            foreach (var key in withYo.Keys) if (!forms.ContainsKey(key)) Settle(key);
            built = true;
        }
        foreach (var key in changedKeys) Settle(key);
        changedKeys.Clear();
        return new SiteWords.Vocabulary(keys, stems);
    }

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

    private void Add(Dictionary<string, int> words, int sign)
    {
        foreach (var (form, count) in words)
        {
            var total = forms.GetValueOrDefault(form) + sign * count;
            if (total > 0) forms[form] = total;
            else forms.Remove(form);
            if (built) Note(form);
        }
    }

    /// <summary>A form's count changed: its key's entry is to be worked out again.</summary>
    private void Note(string form)
    {
        if (HasYo(form)) Spelt(form);
        changedKeys.Add(SiteWords.Key(form));
    }

    private static bool HasYo(string form) => form.Contains('ё');

    /// <summary>Keeps <see cref="withYo"/> up with a spelling with ё, counted or gone.</summary>
    private void Spelt(string form)
    {
        var key = SiteWords.Key(form);
        var counted = forms.ContainsKey(form);
        if (withYo.TryGetValue(key, out var spellings))
        {
            if (!counted && spellings.Remove(form) && spellings.Count == 0) withYo.Remove(key);
            else if (counted && !spellings.Contains(form)) spellings.Add(form);
        }
        else if (counted) withYo[key] = [form];
    }

    /// <summary>A key's entry from its spellings now: the count of all, the commonest spelling (without ё on a tie).</summary>
    private void Settle(string key)
    {
        var total = 0;
        string? commonest = null;
        var most = 0;
        if (forms.TryGetValue(key, out var plain)) (total, commonest, most) = (plain, key, plain);
        if (withYo.TryGetValue(key, out var spellings))
            foreach (var form in spellings)
            {
                var count = forms[form];
                total += count;
                if (count > most) (commonest, most) = (form, count);
            }

        var before = keys.GetValueOrDefault(key)?.Count ?? 0;
        if (total == before && (total == 0 || keys[key].Form == commonest)) return;
        if (total > 0) keys[key] = new SiteWords.Entry(key, commonest!, total);
        else keys.Remove(key);

        var stem = Stems.Of(key);
        var stemTotal = (stems.GetValueOrDefault(stem)?.Count ?? 0) + total - before;
        if (stemTotal > 0) stems[stem] = new SiteWords.Entry(stem, stem, stemTotal);
        else stems.Remove(stem);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
