using MailKit.Security;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// The "Broadsheet:Smtp" configuration section: the server every outgoing mail goes through.
/// Without a <see cref="Host"/> mail is written to the data folder instead (<see cref="MailFolder"/>).
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>False on a developer's machine with no server set: mail then goes to the outbox folder.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public int Port { get; set; } = 25;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "newsletter@localhost";
    public string FromName { get; set; } = "";

    /// <summary>None, Auto, SslOnConnect (port 465), StartTls or StartTlsWhenAvailable; as MailKit names them.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>How long one SMTP command may take before the connection counts as broken.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
