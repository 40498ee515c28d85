using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>What the editor posts. Everything here comes back to the form on an error, exactly as typed.</summary>
public sealed class ArticleForm
{
    [Required(ErrorMessage = "The article needs a title."), StringLength(300, ErrorMessage = "The title is too long: at most 300 characters.")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "The slug is too long: at most 200 characters.")]
    public string? Slug { get; set; }

    [StringLength(2000, ErrorMessage = "The lead is too long: at most 2,000 characters.")]
    public string? Lead { get; set; }

    [StringLength(200_000, ErrorMessage = "The body is too long.")]
    public string? Body { get; set; }

    public List<string> Rubrics { get; set; } = [];

    /// <summary>Comma-separated names; a name not yet known becomes a new tag.</summary>
    [StringLength(1000, ErrorMessage = "Too many tags.")]
    public string? Tags { get; set; }

    public List<int> Authors { get; set; } = [];

    [StringLength(100, ErrorMessage = "The dateline is too long: at most 100 characters.")]
    public string? Dateline { get; set; }

    /// <summary>Ids of the channels this article is chosen for (they matter for channels set to "chosen" only).</summary>
    public List<int> Channels { get; set; } = [];

    public ArticleKind Kind { get; set; } = ArticleKind.News;
    public bool CommentsEnabled { get; set; } = true;

    [StringLength(300, ErrorMessage = "The cover image path is too long.")]
    public string? CoverImage { get; set; }

    [StringLength(500, ErrorMessage = "The cover caption is too long: at most 500 characters.")]
    public string? CoverCaption { get; set; }

    /// <summary>In the site's time zone, as a datetime-local field sends it.</summary>
    public DateTime? ScheduleAt { get; set; }

    /// <summary>Shows the "Updated" time to readers; only for a published article.</summary>
    public bool MarkUpdated { get; set; }
    public bool IsCorrection { get; set; }

    [StringLength(2000, ErrorMessage = "The correction note is too long: at most 2,000 characters.")]
    public string? CorrectionNote { get; set; }

    /// <summary>The version the editor started from; a save from an older one is a conflict.</summary>
    public Guid Version { get; set; }

    public static ArticleForm From(Article a, Func<DateTime, DateTime> toLocal) => new()
    {
        Title = a.Title,
        Slug = a.Slug,
        Lead = a.Lead,
        Body = a.Body,
        Rubrics = [.. a.Rubrics.Select(r => r.Rubric.Slug)],
        Tags = string.Join(", ", a.Tags.Select(t => t.Tag.Name).Order()),
        Authors = [.. a.Authors.OrderBy(x => x.Position).Select(x => x.AuthorId)],
        Dateline = a.DatelineCity,
        Kind = a.Kind,
        CommentsEnabled = a.CommentsEnabled,
        CoverImage = a.CoverImage,
        CoverCaption = a.CoverCaption,
        ScheduleAt = a.Status == ArticleStatus.Scheduled && a.PublishedAt is { } at ? toLocal(at) : null,
        Version = a.Version,
    };
}

/// <summary>The buttons of the editor: each saves the form and, except a plain save, takes one workflow step.</summary>
/// <summary>Restore is a save of an old revision's words, told apart in the history and the audit log.</summary>
public enum EditorAction { Save, Autosave, Submit, Schedule, Publish, Unpublish, ReturnToDraft, Restore }
