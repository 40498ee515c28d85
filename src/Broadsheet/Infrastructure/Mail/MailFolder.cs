using System.Text.RegularExpressions;
using MimeKit;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// Where mail goes when no SMTP server is configured (a developer's machine): one .eml file per
/// message in <c>&lt;data&gt;/mail</c>, named by the time it was written so the newest sort last.
/// A file is written under a temporary name and renamed, so a reader of the folder never sees half a
/// message. Nothing here deletes files: the folder is for a person to read, not a queue.
/// </summary>
public sealed partial class MailFolder(BroadsheetOptions options, TimeProvider clock)
{
    public string Path { get; } = System.IO.Path.Combine(options.DataPath, "mail");

    public async Task<string> WriteAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Path);
        var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid().ToString("N")[..8]}.eml";
        var file = System.IO.Path.Combine(Path, name);
        var temporary = System.IO.Path.Combine(Path, "." + name + ".tmp");
        try
        {
            await using (var stream = File.Create(temporary))
                await message.WriteToAsync(stream, ct);
            File.Move(temporary, file);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return file;
    }

    /// <summary>The newest <paramref name="count"/> messages, newest first.</summary>
    public async Task<List<FiledMail>> LatestAsync(int count, CancellationToken ct)
    {
        if (!Directory.Exists(Path)) return [];
        var names = Directory.EnumerateFiles(Path, "*.eml").Select(System.IO.Path.GetFileName).OfType<string>()
            .Where(IsMailName).OrderDescending(StringComparer.Ordinal).Take(count).ToList();
        var mails = new List<FiledMail>(names.Count);
        foreach (var name in names)
            if (await OpenAsync(name, ct) is { } mail) mails.Add(mail);
        return mails;
    }

    /// <summary>One message by its file name, or null when the name is not one this folder writes or the file is gone.</summary>
    public async Task<FiledMail?> OpenAsync(string name, CancellationToken ct)
    {
        if (!IsMailName(name)) return null;
        try
        {
            var message = await MimeMessage.LoadAsync(System.IO.Path.Combine(Path, name), ct);
            return new FiledMail(name, message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or FormatException) { return null; }
    }

    // Also what keeps a requested name inside the folder: no separators, no dots but the extension's.
    private static bool IsMailName(string name) => MailName().IsMatch(name);

    [GeneratedRegex(@"^\d{8}-\d{6}-\d{3}-[0-9a-f]{8}\.eml$")]
    private static partial Regex MailName();
}

public sealed record FiledMail(string Name, MimeMessage Message)
{
    /// <summary>When it was sent, as <see cref="MailSender"/> stamped it.</summary>
    public DateTime SentAt => Message.Date.UtcDateTime;
}
