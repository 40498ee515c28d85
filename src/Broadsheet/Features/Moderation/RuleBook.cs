using System.Text.RegularExpressions;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// The rule set compiled for checking: word rules in one dictionary keyed by the folded word (a
/// lookup per word of the comment, however many rules), phrases as folded lines searched one by
/// one (there are few), patterns as compiled regular expressions with a time limit. Built once per
/// change of the rules, shared by every request.
/// </summary>
public sealed class RuleBook
{
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly WordList words = new();
    private readonly List<(string Line, CommentRule Rule)> phrases = [];
    private readonly List<(Regex Pattern, CommentRule Rule)> patterns = [];
    private readonly HashSet<string> allowedDomains = new(StringComparer.OrdinalIgnoreCase);

    public RuleBook(IEnumerable<CommentRule> rules)
    {
        foreach (var rule in rules)
        {
            switch (rule.Kind)
            {
                case CommentRuleKind.Word:
                    words.Add(rule);
                    break;
                case CommentRuleKind.Phrase:
                    var line = TextFold.Line(rule.Pattern);
                    if (line.Trim().Length > 0) phrases.Add((line, rule));
                    break;
                case CommentRuleKind.Pattern:
                    if (Compile(rule.Pattern) is { } regex) patterns.Add((regex, rule));
                    break;
                case CommentRuleKind.AllowedDomain:
                    allowedDomains.Add(rule.Pattern.Trim().TrimStart('.').ToLowerInvariant());
                    break;
            }
        }
    }

    public int Count => words.Count + phrases.Count + patterns.Count;

    /// <summary>A pattern a moderator typed that does not compile is skipped rather than breaking every post; the rules page refuses such patterns up front.</summary>
    public static Regex? Compile(string pattern)
    {
        try { return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout); }
        catch (ArgumentException) { return null; }
    }

    public Verdict Check(string text, string? ownHost, string refusedLinkMessage, string refusedMessage)
    {
        Verdict? hold = null;
        List<string> hosts;
        // The link patterns are bounded by a time limit, and a machine under heavy load can pass it on an
        // ordinary comment (CrashTests saw it at load 90). Like a moderator's runaway pattern, that proves
        // nothing either way: a person decides, and the reader is not shown an error.
        try { hosts = LinkFinder.Hosts(text); }
        catch (RegexMatchTimeoutException)
        {
            hosts = [];
            hold = Verdict.Hold("links: the search for links timed out");
        }
        foreach (var host in hosts)
            if (!IsAllowed(host, ownHost)) return Verdict.Refuse($"links: {host}", refusedLinkMessage);

        foreach (var match in words.Find(text))
            if (Apply(match.Rule, WordName(match), refusedMessage, ref hold, match.Written) is { } refused) return refused;

        if (phrases.Count > 0)
        {
            var line = TextFold.Line(text);
            foreach (var (phrase, rule) in phrases)
                if (line.Contains(phrase, StringComparison.Ordinal) && Apply(rule, $"phrase: {rule.Pattern}", refusedMessage, ref hold) is { } refused) return refused;
        }

        foreach (var (pattern, rule) in patterns)
        {
            try
            {
                if (pattern.IsMatch(text) && Apply(rule, $"pattern: {rule.Pattern}", refusedMessage, ref hold) is { } refused) return refused;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that runs away on this text proves nothing either way: a person decides.
                hold ??= Verdict.Hold($"pattern timed out: {rule.Pattern}");
            }
        }
        return hold ?? Verdict.Publish;
    }

    private static Verdict? Apply(CommentRule rule, string name, string refusedMessage, ref Verdict? hold, string? written = null)
    {
        var described = rule.Category.Length > 0 ? $"{rule.Category} ({name})" : name;
        if (rule.Action == RuleAction.Refuse) return Verdict.Refuse(described, rule.Message.Length > 0 ? rule.Message : refusedMessage, written);
        hold ??= Verdict.Hold(described, written);
        return null;
    }

    /// <summary>"word: идиот" when written as listed, "word: идиот as «и.д.и.о.т.ы»" when a form or disguise matched: what a moderator needs to see why.</summary>
    private static string WordName(WordMatch match)
    {
        static string Cut(string s, int max) => s.Length > max ? s[..max] + "…" : s;
        var (listed, written) = (Cut(match.Listed, 100), Cut(match.Written, 60));
        return string.Equals(match.Written, match.Listed, StringComparison.OrdinalIgnoreCase)
            ? $"word: {listed}"
            : $"word: {listed} as \"{written}\"";
    }

    private bool IsAllowed(string host, string? ownHost)
    {
        if (ownHost is { Length: > 0 } && (host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host) is var bare
            && (ownHost.StartsWith("www.", StringComparison.Ordinal) ? ownHost[4..] : ownHost) is var own
            && (bare == own || bare.EndsWith("." + own, StringComparison.Ordinal))) return true;
        for (var h = host; h.Length > 0; h = h.IndexOf('.') is var dot and >= 0 ? h[(dot + 1)..] : "")
            if (allowedDomains.Contains(h)) return true;
        return false;
    }
}
