using Broadsheet.Features.Articles;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The workflow's rules on the article itself, without the web around them.</summary>
public sealed class ArticleWorkflowTests
{
    private static readonly DateTime Now = new(2024, 5, 15, 9, 0, 0, DateTimeKind.Utc);

    private static Article Draft() => new() { Title = "A piece", Slug = "a-piece" };

    [Fact]
    public void A_draft_goes_to_review_and_back()
    {
        var a = Draft();
        a.SubmitForReview();
        Assert.Equal(ArticleStatus.InReview, a.Status);
        a.ReturnToDraft();
        Assert.Equal(ArticleStatus.Draft, a.Status);
    }

    [Fact]
    public void Scheduling_sets_the_time_and_cancelling_clears_it()
    {
        var a = Draft();
        a.Schedule(Now.AddHours(2), Now);
        Assert.Equal((ArticleStatus.Scheduled, Now.AddHours(2)), (a.Status, a.PublishedAt));
        Assert.False(a.IsVisibleAt(Now.AddHours(3)), "a scheduled article is not visible until the job publishes it");
        a.ReturnToDraft();
        Assert.Equal((ArticleStatus.Draft, (DateTime?)null), (a.Status, a.PublishedAt));
    }

    [Fact]
    public void A_schedule_in_the_past_is_refused()
    {
        var a = Draft();
        var e = Assert.Throws<WorkflowException>(() => a.Schedule(Now.AddMinutes(-1), Now));
        Assert.Contains("already passed", e.Message);
        Assert.Equal(ArticleStatus.Draft, a.Status);
    }

    [Fact]
    public void The_job_publishes_only_when_the_time_has_come()
    {
        var a = Draft();
        a.Schedule(Now.AddMinutes(30), Now);
        Assert.False(a.PublishIfDue(Now.AddMinutes(29)));
        Assert.True(a.PublishIfDue(Now.AddMinutes(30)));
        Assert.Equal(ArticleStatus.Published, a.Status);
        Assert.True(a.IsVisibleAt(Now.AddMinutes(30)));
    }

    [Fact]
    public void Publishing_now_stamps_the_time_and_republishing_keeps_the_original_date()
    {
        var a = Draft();
        a.Publish(Now);
        Assert.Equal(Now, a.PublishedAt);
        a.Unpublish();
        Assert.Equal(ArticleStatus.Unpublished, a.Status);
        a.Publish(Now.AddDays(1));
        Assert.Equal(Now, a.PublishedAt);
    }

    [Fact]
    public void Illegal_steps_are_refused_with_a_message()
    {
        Assert.Contains("cannot be unpublished", Assert.Throws<WorkflowException>(() => Draft().Unpublish()).Message);
        var published = Draft();
        published.Publish(Now);
        Assert.Throws<WorkflowException>(() => published.SubmitForReview());
        Assert.Throws<WorkflowException>(() => published.Publish(Now));
        Assert.Throws<WorkflowException>(() => published.Schedule(Now.AddHours(1), Now));
        Assert.Throws<WorkflowException>(() => published.ReturnToDraft());
        Assert.Throws<WorkflowException>(() => Draft().ReturnToDraft());
        Assert.Throws<WorkflowException>(() => Draft().MarkUpdated(Now));
    }
}
