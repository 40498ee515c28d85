namespace Broadsheet.Features.Newsletter;

/// <summary>Where a reader who followed a link from a mail stands: asked to press the button, done, or holding a bad link.</summary>
public enum LinkOutcome { Ask, Done, Invalid }
