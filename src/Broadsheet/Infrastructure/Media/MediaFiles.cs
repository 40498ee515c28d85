using Microsoft.Extensions.FileProviders;

namespace Broadsheet.Infrastructure.Media;

public static class MediaFiles
{
    /// <summary>Uploaded and generated images live in the data folder and are served at /media, cached for a year: their names never change.</summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app, BroadsheetOptions options)
    {
        Directory.CreateDirectory(options.MediaPath);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(options.MediaPath),
            RequestPath = "/media",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
    }
}
