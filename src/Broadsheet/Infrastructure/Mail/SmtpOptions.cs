using MailKit.Security;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>The "Broadsheet:Smtp" configuration section: the server every outgoing mail goes through.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
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
