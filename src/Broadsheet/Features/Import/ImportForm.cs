using System.IO.Compression;
using Broadsheet.Features.Newsroom.Language;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Features.Import;

/// <summary>
/// The import form's body, read as it arrives: the files go straight into a folder in the data directory, never
/// into memory or the framework's temporary files, so a 2 GB archive costs a disk copy and a buffer. The
/// antiforgery token is the form's first field; it is checked before a byte of the files is kept (as the
/// request header antiforgery reads first, since reading the form its own way would buffer the files).
/// </summary>
public sealed class ImportForm
{
    /// <summary>The body limit for the import form, files included; a larger uploads archive goes through the command line.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    private const string TokenField = "__RequestVerificationToken";
    private const int SmallField = 4096;

    public string ExportName { get; private set; } = "";
    public string UploadsName { get; private set; } = "";
    public bool DryRun { get; private set; }

    /// <summary>Why the form cannot start an import, in the reader's language; null when it can.</summary>
    public string? Problem { get; private set; }

    /// <summary>Reads the body into <paramref name="folder"/>; throws <see cref="AntiforgeryValidationException"/> when the token is missing or wrong.</summary>
    public static async Task<ImportForm> ReadAsync(HttpRequest request, IAntiforgery antiforgery, string folder, NewsroomWords words, CancellationToken ct)
    {
        var form = new ImportForm();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new AntiforgeryValidationException("The import form is sent as multipart/form-data.");
        var reader = new MultipartReader(boundary, request.Body);
        var tokenChecked = false;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (!tokenChecked)
            {
                if (name != TokenField) throw new AntiforgeryValidationException("The import form's first field is its antiforgery token.");
                request.Headers[HeaderName] = await SmallAsync(section.Body, ct);
                await antiforgery.ValidateRequestAsync(request.HttpContext);
                tokenChecked = true;
                continue;
            }
            var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
            if (fileName.Length > 200) fileName = fileName[..200];
            switch (name)
            {
                case "Export" when disposition.IsFileDisposition() && fileName.Length > 0:
                    form.ExportName = fileName;
                    await SaveAsync(section.Body, Path.Combine(folder, ImportDesk.ExportFile), ct);
                    break;
                case "Uploads" when disposition.IsFileDisposition() && fileName.Length > 0:
                    form.UploadsName = fileName;
                    await SaveAsync(section.Body, Path.Combine(folder, ImportDesk.UploadsFile), ct);
                    break;
                case "DryRun":
                    form.DryRun = await SmallAsync(section.Body, ct) == "true";
                    break;
                default:
                    await section.Body.DrainAsync(ct); // a browser sends an empty part for a file not chosen
                    break;
            }
        }
        if (!tokenChecked) throw new AntiforgeryValidationException("The import form came without its antiforgery token.");
        form.Problem = Check(form, folder, words);
        return form;
    }

    /// <summary>The name the antiforgery service reads a token from before it would read the form.</summary>
    private const string HeaderName = "RequestVerificationToken";

    private static string? Check(ImportForm form, string folder, NewsroomWords words)
    {
        var export = Path.Combine(folder, ImportDesk.ExportFile);
        if (form.ExportName.Length == 0 || new FileInfo(export) is { Exists: false } or { Length: 0 })
            return words["Choose the export file (.xml) that WordPress made."];
        if (!form.ExportName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return words["{0} is not a WordPress export: the export is an .xml file (in WordPress: Tools → Export → All content).", form.ExportName];
        using (var stream = File.OpenRead(export))
        {
            // The first entry tells an export from any other file (the reader refuses a non-export before its first entry).
            try { _ = new WxrReader(stream).Read().FirstOrDefault(); }
            catch (WxrException e) { return words["{0} is not a WordPress export: {1}", form.ExportName, e.Message]; }
        }
        if (form.UploadsName.Length == 0) return null;
        if (!form.UploadsName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return words["{0} is not a zip archive: give the uploads folder (wp-content/uploads) as a .zip file.", form.UploadsName];
        try { ZipFile.OpenRead(Path.Combine(folder, ImportDesk.UploadsFile)).Dispose(); }
        catch (InvalidDataException) { return words["{0} is not a zip archive that can be read: give the uploads folder (wp-content/uploads) as a .zip file.", form.UploadsName]; }
        return null;
    }

    private static async Task SaveAsync(Stream body, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await body.CopyToAsync(file, 81920, ct);
    }

    private static async Task<string> SmallAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[SmallField];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read == SmallField) throw new AntiforgeryValidationException("A field of the import form is too long.");
        return new string(buffer, 0, read);
    }
}
