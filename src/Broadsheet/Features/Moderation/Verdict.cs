namespace Broadsheet.Features.Moderation;

/// <summary>What the rules make of a comment, and which rule said so.</summary>
public sealed record Verdict(VerdictOutcome Outcome, string? Rule = null, string? Message = null)
{
    public static readonly Verdict Publish = new(VerdictOutcome.Publish);
    public static Verdict Hold(string rule) => new(VerdictOutcome.Hold, rule);
    public static Verdict Refuse(string rule, string message) => new(VerdictOutcome.Refuse, rule, message);
}

public enum VerdictOutcome { Publish, Hold, Refuse }
