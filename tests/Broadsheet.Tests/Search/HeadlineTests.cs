using Broadsheet.Infrastructure.Search;

namespace Broadsheet.Tests.Search;

/// <summary>What PostgreSQL's ts_headline gives back (escaped text with private-use marks) and the HTML made of it.</summary>
public sealed class HeadlineTests
{
    private static readonly string S = Headline.Start.ToString();
    private static readonly string E = Headline.Stop.ToString();
    private static readonly string D = Headline.Delimiter.ToString();

    [Fact]
    public void Marks_become_mark_elements_and_everything_else_is_escaped_once()
    {
        var html = Headline.ToHtml($"The {S}budget{E} &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <b>raw</b>");

        Assert.Equal("The <mark>budget</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;raw&lt;/b&gt;", html);
    }

    [Fact]
    public void Fragments_are_trimmed_and_joined_by_an_ellipsis()
    {
        var html = Headline.ToHtml($"  first {S}выборы{E} \n{D}\n second {S}выборах{E}. ");

        Assert.Equal("first <mark>выборы</mark> … second <mark>выборах</mark>.", html);
    }
}
