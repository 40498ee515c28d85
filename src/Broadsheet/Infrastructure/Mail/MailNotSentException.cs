namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// Why a mail was not accepted. A temporary failure (a 4xx reply, a dropped or refused connection)
/// is worth retrying later; a permanent one (a 5xx reply, e.g. no such mailbox) is not.
/// </summary>
public sealed class MailNotSentException(string message, bool temporary, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTemporary { get; } = temporary;
}
