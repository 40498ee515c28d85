namespace Broadsheet.Features.Import;

/// <summary>
/// An address of the old site (its permalink, <c>?p=123</c>, a former slug, a category, tag or upload) and
/// what it answers with a 301 now. The target is looked up when asked for, so an article renamed
/// later is still found. <see cref="Path"/> is kept decoded, lower-case and without a closing slash.
/// </summary>
public sealed class ImportedLink
{
    public const int PathMax = 400;

    public long Id { get; set; }
    public required string Path { get; set; }
    public required string Kind { get; set; }
    public long TargetId { get; set; }

    /// <summary>The form <see cref="Path"/> is kept in: "/2025/09/01/Явка-на-выборах/" and "/2025/09/01/явка-на-выборах" are one.</summary>
    public static string Key(string path)
    {
        var decoded = path;
        try { decoded = Uri.UnescapeDataString(path); } catch (UriFormatException) { }
        decoded = decoded.Trim().ToLowerInvariant();
        if (decoded.Length > 1) decoded = decoded.TrimEnd('/');
        return decoded.Length > PathMax ? decoded[..PathMax] : decoded;
    }
}
