using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Comments;

/// <summary>
/// The posting limits count the account and the address apart, each over the minute and the day: readers sharing an
/// address (a newsroom's office, a mobile carrier's gateway) share its limits, and one reader moving between
/// addresses keeps theirs. (The account's minute and the address's day: <see cref="CommentPostingTests"/>.)
/// </summary>
public sealed class CommentLimitsTests : IDisposable
{
    private readonly AddressedApp app = new();

    public CommentLimitsTests() => app.WithoutPreModeration();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_minute_limit_counts_per_address_across_accounts()
    {
        var article = await app.OpenArticleAsync();
        for (var i = 0; i < 5; i++)
        {
            var reader = await ReaderFromAsync("198.51.100.7");
            Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"From the office, reader {i}")).Status);
        }

        var sixth = await (await ReaderFromAsync("198.51.100.7")).CommentAsync(article.Id, "From the office, one more");
        var elsewhere = await (await ReaderFromAsync("198.51.100.8")).CommentAsync(article.Id, "From home");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Equal("You can post 5 comments a minute. Please wait a little.", sixth.Message);
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
    }

    [Fact]
    public async Task The_daily_limit_counts_per_account_across_addresses()
    {
        app.Settings["Broadsheet:Comments:PerDay"] = "3";
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        for (var i = 0; i < 3; i++)
        {
            From(reader, $"198.51.100.{20 + i}");
            Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"On the move, stop {i}")).Status);
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        From(reader, "198.51.100.30");
        var fourth = await reader.CommentAsync(article.Id, "On the move, one more stop");
        var another = await (await ReaderFromAsync("198.51.100.30")).CommentAsync(article.Id, "Someone else at that stop");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Equal("You can post 3 comments a day. Please come back tomorrow.", fourth.Message);
        Assert.Equal(HttpStatusCode.Created, another.Status);
    }

    private async Task<HttpClient> ReaderFromAsync(string address)
    {
        var (_, reader) = await app.ReaderAsync();
        return From(reader, address);
    }

    private static HttpClient From(HttpClient reader, string address)
    {
        reader.DefaultRequestHeaders.Remove(AddressedApp.Header);
        reader.DefaultRequestHeaders.Add(AddressedApp.Header, address);
        return reader;
    }
}
