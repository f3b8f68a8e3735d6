#!/usr/bin/env python3
"""bin/crash-test's mailbox: an SMTP server outside the application nodes, so a node killed with kill -9 does not take
the received e-mail with it. Every e-mail the server accepts is appended to FILE (one JSON line: Message-ID, recipients,
subject) and flushed to disk before the server answers 250, so a line is exactly one hand-over the sender saw succeed.
The file keeps every hand-over (a resend after a crash appears twice); the mailbox a user sees is the file deduplicated
on Message-ID, as a mail store that collapses duplicates shows it (bin/check-consistency --mailbox counts both).
   mail-sink.py PORT FILE"""
import asyncore
import email
import email.policy
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (Python 3.11 and older; the crash test needs no package beyond the standard library)


class Sink(smtpd.SMTPServer):
    def __init__(self, port, path):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.out = open(path, "a", encoding="utf-8")

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        msg = email.message_from_bytes(data, policy=email.policy.default)
        line = {"message_id": (msg.get("Message-ID") or "").strip(), "to": rcpttos, "subject": str(msg.get("Subject") or "")}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.out.flush()
        os.fsync(self.out.fileno())
        return None  # 250 OK, after the line is on disk


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    print(f"mail sink on 127.0.0.1:{sys.argv[1]} writing {sys.argv[2]}", flush=True)
    asyncore.loop(timeout=1)
