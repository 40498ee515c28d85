using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;

namespace Broadsheet.Tests.TypoReports;

public sealed class MarkdownFixTests
{
    private readonly MarkdownFix fix = new(new ArticleBody());

    [Fact]
    public void Replaces_the_occurrence_the_reader_meant_not_the_first()
    {
        const string source = "The budjet was approved.\n\nLater, the budjet was cut by a third.";

        var result = fix.InMarkdown(source, "Later, the ", "budjet", " was cut by a third.", "budget");

        Assert.Equal(TypoFixOutcome.Replaced, result.Outcome);
        Assert.Equal("The budjet was approved.\n\nLater, the budget was cut by a third.", result.Source);
        Assert.Equal(source.LastIndexOf("budjet", StringComparison.Ordinal), result.Position);
    }

    [Fact]
    public void Replaces_the_occurrence_the_reader_meant_within_one_paragraph()
    {
        const string source = "A teh B, and teh C.";

        var result = fix.InMarkdown(source, "and ", "teh", " C.", "the");

        Assert.Equal("A teh B, and the C.", result.Source);
    }

    [Fact]
    public void Replaces_words_inside_one_piece_of_formatting()
    {
        var bold = fix.InMarkdown("This is **very importnat** news.", "This is very ", "importnat", " news.", "important");
        var link = fix.InMarkdown("As [the councl](https://example.org/c) said.", "As the ", "councl", " said.", "council");

        Assert.Equal("This is **very important** news.", bold.Source);
        Assert.Equal("As [the council](https://example.org/c) said.", link.Source);
    }

    [Theory]
    [InlineData("Some **bold** text here.", "Some ", "bold text", " here.", 7)]
    [InlineData("As [the council](https://example.org/c) said today.", "As the ", "council said", " today.", 8)]
    [InlineData("Run `make all` now.", "Run make ", "all now", ".", 4)]
    [InlineData("Run `make all` now.", "Run ", "make", " all now.", 4)]
    [InlineData("One paragraph.\n\nAnother paragraph.", "One ", "paragraph. Another", " paragraph.", 4)]
    public void Will_not_replace_across_formatting_and_says_where_to_look(string source, string before, string fragment, string after, int position)
    {
        var result = fix.InMarkdown(source, before, fragment, after, "replacement");

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, result.Outcome);
        Assert.Null(result.Source);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Says_outdated_when_the_fragment_is_gone_or_its_context_changed()
    {
        var gone = fix.InMarkdown("The budget was approved.", "The ", "budjet", " was", "budget");
        var rewritten = fix.InMarkdown("The budget was rejected.", "The ", "budget", " was approved.", "plan");

        Assert.Equal(TypoFixOutcome.Outdated, gone.Outcome);
        Assert.Equal(TypoFixOutcome.Outdated, rewritten.Outcome);
    }

    [Fact]
    public void Replaces_cyrillic_words_by_their_context()
    {
        const string source = "Мэр заявил, что бюджэт утверждён.\n\nДепутаты обсудили бюджэт ещё раз.";

        var result = fix.InMarkdown(source, "Депутаты обсудили ", "бюджэт", " ещё раз.", "бюджет");

        Assert.Equal("Мэр заявил, что бюджэт утверждён.\n\nДепутаты обсудили бюджет ещё раз.", result.Source);
    }

    [Fact]
    public void Replaces_a_fragment_across_a_line_break_in_the_source()
    {
        var result = fix.InMarkdown("The quick\nbrwon fox jumps.", "The ", "quick brwon", " fox jumps.", "quick brown");

        Assert.Equal("The quick brown fox jumps.", result.Source);
    }

    [Fact]
    public void Replaces_a_fragment_with_curly_quotes_made_from_straight_ones()
    {
        const string source = "He called it \"a fiasko\" -- twice.";

        var result = fix.InMarkdown(source, "He called it ", "“a fiasko” –", " twice.", "“a fiasco” –");

        Assert.Equal("He called it “a fiasco” – twice.", result.Source);
    }

    [Fact]
    public void Replaces_inside_a_list_item()
    {
        const string source = "Intro.\n\n- first itme\n- second item\n";

        var result = fix.InMarkdown(source, "Intro. first ", "itme", " second item", "item");

        Assert.Equal("Intro.\n\n- first item\n- second item\n", result.Source);
    }

    [Fact]
    public void Keeps_a_readers_markdown_characters_as_plain_text()
    {
        var result = fix.InMarkdown("The tax is 5 percent.", "The tax is ", "5 percent", ".", "*5%* [link](javascript:alert(1))");

        Assert.Equal(TypoFixOutcome.Replaced, result.Outcome);
        var html = new ArticleBody().Render(result.Source!);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<a", html);
        Assert.Contains("The tax is *5%* [link](javascript:alert(1)).", ReaderText.BodyText(html));
    }

    [Fact]
    public void Will_not_turn_a_paragraph_into_a_list()
    {
        var result = fix.InMarkdown("Word one.\n\nTwo words.", "Word one. ", "Two", " words.", "1. Two");

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, result.Outcome);
    }

    [Fact]
    public void Will_not_guess_between_two_occurrences_with_the_same_context()
    {
        var result = fix.InMarkdown("Yes, teh end. Yes, teh end.", "Yes, ", "teh", " end.", "the");

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, result.Outcome);
    }

    [Fact]
    public void Replaces_in_a_plain_field_with_untidy_whitespace()
    {
        var result = MarkdownFix.InPlainText("Mayor  opens\tthe brigde", "Mayor opens the ", "brigde", "", "bridge");

        Assert.Equal("Mayor  opens\tthe bridge", result.Source);
    }

    [Fact]
    public void Derives_the_same_text_from_markdown_as_readers_get_from_the_html()
    {
        const string source = "# Heading\n\nA *quick* \"brown\" fox -- jumps... over [a dog](https://x.org).\n\n" +
            "> Quoted &amp; escaped \\* star\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n![alt text](/media/a.jpg)\n\n" +
            "^^^ ![Photo](/media/p.jpg)\n^^^ The mayor at the bridge\n\nLine one  \nline two `code` <https://example.org>.";

        var derived = SourceText.FromMarkdown(source).Text;

        Assert.Equal(ReaderText.BodyText(new ArticleBody().Render(source)), derived);
    }
}
