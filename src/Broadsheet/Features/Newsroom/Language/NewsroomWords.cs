using System.Globalization;
using System.Reflection;

namespace Broadsheet.Features.Newsroom.Language;

/// <summary>
/// The newsroom's words in the reader's language. Unlike the public site's <c>UiText</c>, the English
/// phrase is the key (as gettext and WordPress's <c>__()</c> do): newsroom screens change every week
/// and are written by many hands, a screen's markup reads as it will be seen, and a phrase that has no
/// Russian yet shows in English instead of a blank. <c>NewsroomWordsTests</c> fails on any such phrase.
/// </summary>
/// <remarks>
/// The Russian lives in <c>*.ru.tsv</c> files beside the screens (one line: English, a tab, Russian),
/// embedded in the assembly. Git merges them as a union (.gitattributes), since parallel work only adds lines.
/// </remarks>
public sealed class NewsroomWords
{
    private readonly IReadOnlyDictionary<string, string> russian;

    public NewsroomWords() : this(ReadRussian(typeof(NewsroomWords).Assembly)) { }

    public NewsroomWords(IReadOnlyDictionary<string, string> russian) => this.russian = russian;

    /// <summary>
    /// The phrase in the language of the request under way (the site's, or the person's own choice). A key may
    /// name its context before a bar, as gettext's msgctxt does, where one English word needs two Russian ones:
    /// "revision|published" (опубликовано) is not the article state "published" (опубликована); English shows
    /// the part after the bar.
    /// </summary>
    public string this[string english] =>
        IsRussian(CultureInfo.CurrentUICulture) && russian.TryGetValue(english, out var text) ? text : Shown(english);

    // A context is one lower-case word before the bar, so a phrase that merely contains a bar ("Name | https://…") is shown whole.
    private static string Shown(string key) =>
        key.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 && key[..bar].All(char.IsAsciiLetterLower) ? key[(bar + 1)..] : key;

    /// <summary>A phrase with <c>{0}</c>-style holes, filled in the request's culture (dates, numbers).</summary>
    public string this[string english, params object?[] values] =>
        string.Format(CultureInfo.CurrentCulture, this[english], values);

    /// <summary>The phrase in a language other than the request's: mail to a colleague reads in the site's language, not the sender's.</summary>
    public string In(bool russian, string english) => russian && this.russian.TryGetValue(english, out var text) ? text : Shown(english);

    public bool Knows(string english) => russian.ContainsKey(english);

    private static bool IsRussian(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ru";

    public static IReadOnlyDictionary<string, string> ReadRussian(Assembly assembly)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".ru.tsv", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var tab = line.IndexOf('\t');
                if (tab <= 0 || tab == line.Length - 1)
                    throw new InvalidDataException($"{name}:{number}: expected \"English<TAB>Russian\".");
                var (english, text) = (line[..tab], line[(tab + 1)..]);
                // The same phrase in two files must mean the same thing, or one screen would silently win.
                if (words.TryGetValue(english, out var earlier) && earlier != text)
                    throw new InvalidDataException($"{name}:{number}: \"{english}\" is already \"{earlier}\" elsewhere.");
                words[english] = text;
            }
        }
        return words;
    }
}
