using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Broadsheet.Features.Search;

/// <summary>
/// A word's stem by the Snowball stemmer of its script (Russian for Cyrillic, English otherwise), for the
/// speller. Snowball only takes endings off, so a stem is always the start of its word.
/// </summary>
public static class Stems
{
    // Snowball stemmers keep state between calls; one per thread keeps them cheap and safe.
    [ThreadStatic] private static RussianStemmer? russian;
    [ThreadStatic] private static EnglishStemmer? english;

    public static string Of(string key)
    {
        SnowballProgram stemmer = key.Any(c => c is >= 'а' and <= 'я') ? russian ??= new() : english ??= new();
        stemmer.SetCurrent(key);
        stemmer.Stem();
        var stem = stemmer.Current;
        return key.StartsWith(stem, StringComparison.Ordinal) ? stem : key;
    }
}
