namespace Broadsheet.Features.Import;

/// <summary>
/// What a WordPress export (WXR) holds, one entry at a time as <see cref="WxrReader"/> meets it. Ids are
/// WordPress's own; <see cref="WxrEntry.Fingerprint"/> is a hash of the entry's source, so a newer export
/// shows which entries changed.
/// </summary>
public abstract record WxrEntry(long SourceId, string Fingerprint);

public sealed record WxrSite(string Title, string Link, string Language) : WxrEntry(0, "");

/// <summary>An item the reader passed over unbuilt (<see cref="WxrReader.AttachmentsOnly"/>): it still tells the progress where the reading is.</summary>
public sealed record WxrPassed() : WxrEntry(0, "")
{
    public static readonly WxrPassed Item = new();
}

public sealed record WxrAuthor(long SourceId, string Login, string Email, string DisplayName, string Fingerprint) : WxrEntry(SourceId, Fingerprint);

/// <summary>A category or a tag; <see cref="Parent"/> is the parent category's slug, as WordPress writes it.</summary>
public sealed record WxrTerm(long SourceId, bool IsCategory, string Slug, string Name, string Parent, string Description, string Fingerprint)
    : WxrEntry(SourceId, Fingerprint);

/// <summary>A post, a page or an attachment (<see cref="Type"/>), with its comments.</summary>
public sealed record WxrPost(long SourceId, string Fingerprint) : WxrEntry(SourceId, Fingerprint)
{
    public required string Type { get; init; }
    public required string Status { get; init; }
    public string Title { get; init; } = "";
    public string Link { get; init; } = "";
    public string Creator { get; init; } = "";
    public string Content { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>UTC when WordPress knew it (<c>post_date_gmt</c>); null for a draft never dated.</summary>
    public DateTime? DateUtc { get; init; }

    /// <summary>The same moment in the old site's zone (<c>post_date</c>), for when the UTC one is missing.</summary>
    public DateTime? DateLocal { get; init; }
    public bool CommentsOpen { get; init; } = true;
    public string AttachmentUrl { get; init; } = "";
    public long Parent { get; init; }

    /// <summary>A page's place in WordPress's menus (<c>menu_order</c>), kept as its place in the footer.</summary>
    public int MenuOrder { get; init; }
    public List<(string Domain, string Slug, string Name)> Terms { get; init; } = [];
    public List<(string Key, string Value)> Meta { get; init; } = [];
    public List<WxrComment> Comments { get; init; } = [];

    public string? MetaValue(string key) => Meta.FirstOrDefault(m => m.Key == key).Value;
}

/// <summary><see cref="Approved"/> is WordPress's word: "1", "0" (pending), "spam" or "trash".</summary>
public sealed record WxrComment(long SourceId, string Fingerprint) : WxrEntry(SourceId, Fingerprint)
{
    public string Author { get; init; } = "";
    public string Email { get; init; } = "";
    public string Address { get; init; } = "";
    public DateTime? DateUtc { get; init; }
    public DateTime? DateLocal { get; init; }
    public string Content { get; init; } = "";
    public string Approved { get; init; } = "1";
    public string Type { get; init; } = "";
    public long Parent { get; init; }
}
