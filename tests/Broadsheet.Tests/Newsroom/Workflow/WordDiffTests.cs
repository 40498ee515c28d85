using Broadsheet.Features.Newsroom.Revisions;
using static Broadsheet.Features.Newsroom.Revisions.WordDiff.Kind;

namespace Broadsheet.Tests.Newsroom.Workflow;

public sealed class WordDiffTests
{
    private static List<List<(WordDiff.Kind, string)>> Marks(string before, string after) =>
        [.. WordDiff.Compare(before, after).Select(p => p.Pieces.Select(x => (x.Kind, x.Text)).ToList())];

    [Fact]
    public void An_edited_word_is_marked_alone_and_its_paragraph_kept_whole()
    {
        var diff = Marks("Alpha.\n\nThe cat sat.", "Alpha.\n\nThe dog sat.");
        Assert.Equal([(Same, "Alpha.")], diff[0]);
        Assert.Equal([(Same, "The "), (Deleted, "cat"), (Inserted, "dog"), (Same, " sat.")], diff[1]);
    }

    [Fact]
    public void Added_and_removed_paragraphs_are_whole_and_identical_texts_have_no_marks()
    {
        Assert.Equal([[(Same, "One.")], [(Inserted, "Two.")]], Marks("One.", "One.\n\nTwo."));
        Assert.Equal([[(Deleted, "One.")], [(Same, "Two.")]], Marks("One.\r\n\r\nTwo.", "Two."));
        Assert.All(WordDiff.Compare("a\n\nb", "a\n\nb"), p => Assert.False(p.Changed));
        Assert.Empty(WordDiff.Compare("", ""));
    }
}
