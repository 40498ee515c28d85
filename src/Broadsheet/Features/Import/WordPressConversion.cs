using Broadsheet.Features.Newsroom.Media;

namespace Broadsheet.Features.Import;

/// <summary>
/// A post's words as Markdown and as the page will show them: converting (AngleSharp) and rendering (Markdig and the
/// sanitizer) cost as much as writing the post, so the look-ahead's posts are converted on a second thread, in order,
/// while the first writes them.
/// </summary>
public sealed partial class WordPressImport
{
    /// <param name="Html">Null when the body names pictures of the library: their alt texts are read with the database, on the writing thread.</param>
    private sealed record ConvertedPost(string Body, IReadOnlyList<string> Notes, string? Html);

    private readonly Dictionary<WxrPost, Task<ConvertedPost>> convertedAhead = new(ReferenceEqualityComparer.Instance);

    /// <summary>Starts converting the looked-ahead posts that will be written (new, or changed since the last import).</summary>
    private void ConvertAhead(CancellationToken ct)
    {
        var posts = ahead.Where(p => p.Type == "post" && (knownAhead.GetValueOrDefault((ImportKind.Post, p.SourceId)) is not { } known || known.Fingerprint != p.Fingerprint)).ToList();
        if (posts.Count == 0) return;
        var results = posts.Select(_ => new TaskCompletionSource<ConvertedPost>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        for (var i = 0; i < posts.Count; i++) convertedAhead[posts[i]] = results[i].Task;
        var render = !report.DryRun;
        _ = Task.Run(() =>
        {
            for (var i = 0; i < posts.Count; i++)
            {
                if (ct.IsCancellationRequested) { results[i].SetCanceled(ct); continue; }
                try { results[i].SetResult(ConvertPost(posts[i], render)); }
                catch (Exception e) { results[i].SetException(e); }
            }
        }, CancellationToken.None);
    }

    private ConvertedPost ConvertPost(WxrPost source, bool render)
    {
        var converter = new PostMarkdown(NewPicture, siteLink);
        var body = converter.Convert(source.Content);
        var html = render && MediaItem.PicturesNamed(body, null).Count == 0 ? articleBody.Render(body) : null;
        return new ConvertedPost(body, [.. converter.Notes.Distinct()], html);
    }

    /// <summary>The post converted ahead, or now when it was not looked ahead.</summary>
    private Task<ConvertedPost> ConvertedAsync(WxrPost source) =>
        convertedAhead.Remove(source, out var converted) ? converted : Task.FromResult(ConvertPost(source, !report.DryRun));
}
