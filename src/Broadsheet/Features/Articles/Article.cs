namespace Broadsheet.Features.Articles;

public sealed partial class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Lead { get; set; } = "";

    /// <summary>The Markdown the newsroom writes; <see cref="BodyHtml"/> is its sanitized rendering, kept so no page view renders Markdown.</summary>
    public string Body { get; set; } = "";
    public string BodyHtml { get; set; } = "";

    public ArticleKind Kind { get; set; } = ArticleKind.News;
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>"en" or "ru": search and hyphenation need to know, and a site may mix both.</summary>
    public string Language { get; set; } = "en";

    public string? DatelineCity { get; set; }
    public string? CoverImage { get; set; }
    public string? CoverCaption { get; set; }

    /// <summary>The cover's alt text, copied from the media library when the article is saved; null falls back to the caption.</summary>
    public string? CoverAlt { get; set; }

    /// <summary>UTC. For a scheduled article, the moment it goes out.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>UTC; set only by an edit made after publication, which is what readers call "updated".</summary>
    public DateTime? UpdatedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Top stories lead the home page, most important first.</summary>
    public int Prominence { get; set; }
    public bool CommentsEnabled { get; set; } = true;

    /// <summary>
    /// The count as it stood before views moved to <see cref="ViewTotal"/> (the Scale migration copied it there);
    /// no longer written or read. Kept because columns are not dropped while branches merge.
    /// </summary>
    public long ViewCount { get; set; }

    /// <summary>Null until the article's first view is written out.</summary>
    public ViewTotal? Views { get; set; }

    /// <summary>Changes on every save, so two editors cannot silently overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether the article is live coverage (a stream of entries, Features/Live), and if so whether it still runs.</summary>
    public LiveState Live { get; set; } = LiveState.None;

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<ArticleRubric> Rubrics { get; set; } = [];
    public List<ArticleTag> Tags { get; set; } = [];

    public bool IsVisibleAt(DateTime utcNow) =>
        Status == ArticleStatus.Published && PublishedAt is { } at && at <= utcNow;

    public bool WasUpdatedAfterPublication => UpdatedAt is { } u && PublishedAt is { } p && u > p;
}

/// <summary>None: an ordinary article. Running: readers' pages follow new entries. Closed: the entries stay, under the body as a summary.</summary>
public enum LiveState { None, Running, Closed }

public enum ArticleKind { News, Column, Interview, Analysis, Report }

public enum ArticleStatus { Draft, InReview, Scheduled, Published, Unpublished }
