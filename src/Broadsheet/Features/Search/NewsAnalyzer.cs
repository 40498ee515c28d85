using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// How article text becomes index terms in one language: words, lower case, no stop words,
/// stems. Both languages fold ё into е first — Russian writers use ё or not as they please,
/// and Lucene's RussianAnalyzer does not fold it — so «ёлка» and «елка» are one word.
/// </summary>
public sealed class NewsAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly NewsAnalyzer Russian = new(russian: true);
    public static readonly NewsAnalyzer English = new(russian: false);

    private static readonly CharArraySet RussianStopWords = Folded(RussianAnalyzer.DefaultStopSet);

    private readonly bool russian;

    private NewsAnalyzer(bool russian) => this.russian = russian;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new YoFolding(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        if (russian)
        {
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, RussianStopWords);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
        }
        else
        {
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms <paramref name="text"/> becomes, with their positions (stop words leave gaps, as in the index).</summary>
    public List<(string Term, int Position)> Terms(string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    private static CharArraySet Folded(CharArraySet words)
    {
        var folded = new CharArraySet(Version, words.Count, ignoreCase: false);
        foreach (var word in words) folded.Add(word.Replace('ё', 'е'));
        return folded.AsReadOnly();
    }
}
