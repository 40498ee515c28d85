#!/usr/bin/env python3
"""A counting SMTP sink on 127.0.0.1 for bench/newsletter.sh. Not a mail server: it accepts everything.

    bench/smtp-sink.py PORT LOG

Speaks enough of RFC 5321 for MailKit (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and offers PIPELINING
(RFC 2920): commands are read from the stream and answered in order, so a client may send MAIL, RCPT and DATA
in one write. For each accepted message it appends "unix-time<TAB>recipient<TAB>Message-ID" to LOG and flushes
(written before the 250, so what the log holds is what the server accepted; the app may still die before it
records the 250). It keeps no message bodies. Stops on SIGTERM.
"""
import asyncio
import re
import signal
import sys
import time

port, log_path = int(sys.argv[1]), sys.argv[2]
log = open(log_path, "a", buffering=1)
MESSAGE_ID = re.compile(rb"^message-id:\s*(<[^>]*>)", re.IGNORECASE | re.MULTILINE)


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    def say(line: str) -> None:
        writer.write(line.encode() + b"\r\n")

    recipients: list[str] = []
    say("220 sink ESMTP")
    try:
        while True:
            line = await asyncio.wait_for(reader.readline(), 60)
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"EHLO":
                say("250-sink")
                say("250-PIPELINING")
                say("250-8BITMIME")
                say("250-SMTPUTF8")
                say("250 SIZE 10485760")
            elif verb == b"HELO":
                say("250 sink")
            elif verb == b"MAIL":
                recipients = []
                say("250 2.1.0 OK")
            elif verb == b"RCPT":
                recipients.append(line.split(b"<", 1)[-1].split(b">", 1)[0].decode("utf-8", "replace"))
                say("250 2.1.5 OK")
            elif verb == b"DATA":
                say("354 go ahead")
                await writer.drain()
                header = b""
                in_header = True
                while True:
                    data = await asyncio.wait_for(reader.readline(), 60)
                    if not data:
                        return
                    if data in (b".\r\n", b".\n"):
                        break
                    if in_header:
                        if data in (b"\r\n", b"\n"):
                            in_header = False
                        else:
                            header += data
                found = MESSAGE_ID.search(header)
                message_id = found.group(1).decode() if found else "-"
                now = time.time()
                for rcpt in recipients:
                    log.write(f"{now:.3f}\t{rcpt}\t{message_id}\n")
                recipients = []
                say("250 2.0.0 queued")
            elif verb == b"RSET":
                recipients = []
                say("250 2.0.0 OK")
            elif verb == b"NOOP":
                say("250 2.0.0 OK")
            elif verb == b"QUIT":
                say("221 2.0.0 bye")
                await writer.drain()
                return
            else:
                say("502 5.5.2 not implemented")
            # Answers to pipelined commands go out together once the client's commands run out.
            if not reader._buffer:  # noqa: SLF001 - asyncio has no public "is more buffered" call
                await writer.drain()
    except (asyncio.TimeoutError, ConnectionError):
        return
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(serve, "127.0.0.1", port)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()


asyncio.run(main())
