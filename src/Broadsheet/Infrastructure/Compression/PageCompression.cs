using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Broadsheet.Infrastructure.Compression;

/// <summary>
/// Text responses go out compressed (Brotli, else gzip): an article page is about a fifth of its size
/// compressed, which is what keeps it inside the 60 KB page-weight budget on a phone connection.
/// </summary>
public static class PageCompression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Kestrel may terminate TLS itself. BREACH needs a secret and attacker-chosen text in the same
            // compressed response; reader pages carry no secret, and the antiforgery token on forms is encrypted afresh for each response.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml", "image/svg+xml"];
        });
        // The fastest levels: pages are compressed on every request, after the output cache.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
