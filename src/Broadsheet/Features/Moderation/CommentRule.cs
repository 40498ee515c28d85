namespace Broadsheet.Features.Moderation;

/// <summary>One entry of the rule set moderators keep: a word, a phrase, a pattern or an allowed link domain.</summary>
public sealed class CommentRule
{
    public const int PatternMax = 300;

    public int Id { get; set; }
    public CommentRuleKind Kind { get; set; }

    /// <summary>insults, extremism, spam…: what a moderator reads next to a held comment.</summary>
    public string Category { get; set; } = "";
    public required string Pattern { get; set; }
    public RuleAction Action { get; set; } = RuleAction.Hold;

    /// <summary>What the reader is told when the rule refuses their comment.</summary>
    public string Message { get; set; } = "";

    /// <summary>Which list a word rule belongs to, and so whose endings its forms take (any: by the word's own letters).</summary>
    public WordLanguage Language { get; set; }

    /// <summary>Forms of a word rule the stemmer does not find (козла for козёл), comma-separated; matched like the word.</summary>
    public string Forms { get; set; } = "";

    /// <summary>A word rule that matches only as listed (and its <see cref="Forms"/>), for words whose other forms are ordinary words.</summary>
    public bool ExactOnly { get; set; }
}

public enum WordLanguage { Any, Ru, En }

public enum CommentRuleKind
{
    /// <summary>A single word in all its forms and disguises (<see cref="WordList"/>).</summary>
    Word,

    /// <summary>Several words in a row, matched on normalised text.</summary>
    Phrase,

    /// <summary>A .NET regular expression on the text as written, run with a time limit.</summary>
    Pattern,

    /// <summary>A third-party domain readers may link to (the site's own always passes).</summary>
    AllowedDomain,
}

public enum RuleAction { Hold, Refuse }
