namespace Broadsheet.Features.Articles;

/// <summary>
/// The road from draft to the public and back: Draft → In review → Scheduled → Published →
/// Unpublished, and back to draft. Who may take each step is the newsroom's business; what
/// steps exist is the article's.
/// </summary>
public sealed partial class Article
{
    public void SubmitForReview()
    {
        Require(Status == ArticleStatus.Draft, "Only a draft can be submitted for review.");
        Status = ArticleStatus.InReview;
    }

    /// <summary>Withdraws a submission, cancels a schedule or takes an unpublished article back to work.</summary>
    public void ReturnToDraft()
    {
        Require(Status is ArticleStatus.InReview or ArticleStatus.Scheduled or ArticleStatus.Unpublished,
            $"An article that is {Describe(Status)} cannot go back to draft.");
        // A scheduled time belongs to the schedule; an unpublished article keeps its date, and with it its URL.
        if (Status == ArticleStatus.Scheduled) PublishedAt = null;
        Status = ArticleStatus.Draft;
    }

    public void Schedule(DateTime atUtc, DateTime nowUtc)
    {
        Require(Status is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Scheduled,
            $"An article that is {Describe(Status)} cannot be scheduled.");
        Require(atUtc > nowUtc, "The scheduled time has already passed; choose a time in the future.");
        Status = ArticleStatus.Scheduled;
        PublishedAt = atUtc;
    }

    public void Publish(DateTime nowUtc)
    {
        Require(Status is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Scheduled or ArticleStatus.Unpublished,
            $"An article that is {Describe(Status)} cannot be published.");
        // Republishing restores the original date so that links to the article work again.
        if (!(Status == ArticleStatus.Unpublished && PublishedAt is not null)) PublishedAt = nowUtc;
        Status = ArticleStatus.Published;
    }

    /// <summary>What the scheduled-publishing job does when the time has come; false if it has not.</summary>
    public bool PublishIfDue(DateTime nowUtc)
    {
        if (Status != ArticleStatus.Scheduled || PublishedAt is not { } at || at > nowUtc) return false;
        Status = ArticleStatus.Published;
        return true;
    }

    public void Unpublish()
    {
        Require(Status == ArticleStatus.Published, $"An article that is {Describe(Status)} cannot be unpublished.");
        Status = ArticleStatus.Unpublished;
    }

    /// <summary>The edit readers are told about: it sets the "Updated" time shown under the headline.</summary>
    public void MarkUpdated(DateTime nowUtc)
    {
        Require(Status == ArticleStatus.Published, "Only a published article can be marked as updated or corrected.");
        UpdatedAt = nowUtc;
    }

    public static string Describe(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new WorkflowException(message);
    }
}

/// <summary>A step the workflow does not allow; its message is meant for the person who tried.</summary>
public sealed class WorkflowException(string message) : InvalidOperationException(message);
