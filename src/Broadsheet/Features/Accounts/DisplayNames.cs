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

    public static string? Problem(string name)
    {
        if (name.Length < Min || name.Length > Max) return $"A display name has {Min} to {Max} characters.";
        if (!char.IsLetterOrDigit(name[0])) return "A display name starts with a letter or a digit.";
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '\''))
                return "A display name may have letters, digits, spaces, dots, hyphens, underscores and apostrophes only.";
        if (name.Contains("  ", StringComparison.Ordinal)) return "A display name has single spaces between words.";
        return null;
    }

    /// <summary>The form two names are compared in: look-alike letters, case and repeats folded away.</summary>
    public static string Key(string name) => string.Concat(TextFold.Words(name));
}
