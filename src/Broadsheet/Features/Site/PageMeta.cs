namespace Broadsheet.Features.Site;

/// <summary>What a page tells the layout about itself (title, description, the tags machines read); one per request.</summary>
public sealed class PageMeta
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? CanonicalPath { get; set; }
    public string? ImagePath { get; set; }
    public string OpenGraphType { get; set; } = "website";

    /// <summary>schema.org JSON-LD, already serialized; it is data, not script, so the CSP allows it.</summary>
    public string? StructuredData { get; set; }
    public string? FeedPath { get; set; }
    public string? FeedTitle { get; set; }
    public bool NoIndex { get; set; }
}
