using System.Net;
using System.Text;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Tests.Security;

/// <summary>
/// A request that arrives from a given network peer, as Kestrel would report it. The test server
/// leaves Connection.RemoteIpAddress empty (and ASP.NET Core's forwarded-headers middleware believes
/// anything from an empty peer), so a test about whose headers are believed names the peer.
/// </summary>
public static class FromPeer
{
    public static async Task<(int Status, string Body, IHeaderDictionary Headers)> SendAsync(
        BroadsheetApp app, IPAddress peer, string method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = peer;
            c.Connection.RemotePort = 40000;
            c.Request.Method = method;
            var query = path.IndexOf('?');
            c.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0) c.Request.QueryString = new QueryString(path[query..]);
            c.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";
            foreach (var (name, value) in headers)
            {
                if (name == "Host") c.Request.Host = new HostString(value);
                else c.Request.Headers[name] = value;
            }
            if (json is null) return;
            var bytes = Encoding.UTF8.GetBytes(json);
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = bytes.Length;
            c.Request.Body = new MemoryStream(bytes);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers);
    }
}
