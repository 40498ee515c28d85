namespace Broadsheet.Infrastructure.Media;

/// <summary>Either the public path of the largest rendition, or why the file was refused.</summary>
/// <param name="Frames">How many frames the upload had; only the first is kept (see <see cref="ImageIntake"/>).</param>
public sealed record ImageIntakeResult(string? Path, string? Error, string Format, int Width, int Height, int Frames)
{
    public static ImageIntakeResult Saved(string path, string format, int width, int height, int frames) => new(path, null, format, width, height, frames);
    public static ImageIntakeResult Refused(string error) => new(null, error, "", 0, 0, 0);
}
