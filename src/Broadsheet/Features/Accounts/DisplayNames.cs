using Broadsheet.Features.Moderation;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Display names readers sign with: 3 to 40 letters, digits, spaces, dots, hyphens, underscores and
/// apostrophes, starting with a letter or digit. Uniqueness is on the folded form, so "Anna" with a
/// Cyrillic "А" cannot pass for "Anna", nor "anna" or "annna".
/// </summary>
public static class DisplayNames
{
    public const int Min = 3;
    public const int Max = 40;

    public static string? Problem(string name, ReaderAccountText text)
    {
        if (name.Length < Min || name.Length > Max) return text.NameLength(Min, Max);
        if (!char.IsLetterOrDigit(name[0])) return text.NameStart;
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '\''))
                return text.NameCharacters;
        if (name.Contains("  ", StringComparison.Ordinal)) return text.NameSpaces;
        return null;
    }

    /// <summary>The form two names are compared in: look-alike letters, case and repeats folded away.</summary>
    public static string Key(string name) => string.Concat(TextFold.Words(name));
}
