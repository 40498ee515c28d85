namespace Broadsheet.Features.Moderation;

/// <summary>What the rules make of a comment, and which rule said so.</summary>
/// <remarks><see cref="Written"/> is what in the text matched (a form or disguise of the listed word), for moderators only: the reader is never told which word.</remarks>
public sealed record Verdict(VerdictOutcome Outcome, string? Rule = null, string? Message = null, string? Written = null)
{
    public static readonly Verdict Publish = new(VerdictOutcome.Publish);
    public static Verdict Hold(string rule, string? written = null) => new(VerdictOutcome.Hold, rule, Written: written);
    public static Verdict Refuse(string rule, string message, string? written = null) => new(VerdictOutcome.Refuse, rule, message, written);
}

public enum VerdictOutcome { Publish, Hold, Refuse }
