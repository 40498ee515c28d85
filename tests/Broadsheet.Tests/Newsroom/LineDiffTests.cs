using Broadsheet.Features.Newsroom.Revisions;
using static Broadsheet.Features.Newsroom.Revisions.LineDiff.Kind;

namespace Broadsheet.Tests.Newsroom;

public sealed class LineDiffTests
{
    [Fact]
    public void Marks_changed_lines_and_keeps_the_rest_in_order()
    {
        var diff = LineDiff.Compare("one\ntwo\nthree\nfour", "one\n2\nthree\nfour\nfive");
        Assert.Equal(
            [(Same, "one"), (Removed, "two"), (Added, "2"), (Same, "three"), (Same, "four"), (Added, "five")],
            diff.Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_changes_and_empty_ones_no_lines()
    {
        Assert.All(LineDiff.Compare("a\nb", "a\nb"), l => Assert.Equal(Same, l.Kind));
        Assert.Empty(LineDiff.Compare("", ""));
        Assert.Equal([(Added, "new")], LineDiff.Compare("", "new").Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void A_huge_rewrite_is_shown_without_aligning()
    {
        var before = string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"old {i}"));
        var after = string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"new {i}"));
        var diff = LineDiff.Compare(before, after);
        Assert.Equal(3000, diff.Count(l => l.Kind == Removed));
        Assert.Equal(3000, diff.Count(l => l.Kind == Added));
    }
}
