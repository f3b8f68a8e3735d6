#!/usr/bin/env python3
"""Turns the statements one page view sent to PostgreSQL into a pgbench script (bin/load-test, issue 22 item 2).

Reads the server log from a byte offset (log_statement='all', log_line_prefix '%m [%p] <%a> '), keeps the application's
statements (application name 'PostgreSQL JDBC Driver'), inlines the bound parameters from each statement's
"DETAIL:  Parameters:" line, and writes one script: one pgbench transaction is one page view.
 - Session-level statements (SET, SHOW, RESET, DISCARD, the pool's empty validation query) are left out: the pool runs
   them once per connection, not per view.
 - The background work that may run in the same moment (the outbox dispatcher, the scheduler's lock) is left out: a
   transaction or statement that begins with their tables (not an insert into them, which a request's command makes).
 - BEGIN/COMMIT stay where the application sent them (they are round trips it pays); with --rollback every COMMIT
   becomes ROLLBACK so a page that writes (an acceptance) can be replayed without changing the data; its inserts get
   "on conflict do nothing", since the captured request committed the same rows once (the replay then writes less
   than the request did: pgbench's rate for it is an upper bound).
Prints the script to stdout and the number of statements per view (without BEGIN/COMMIT) to stderr as "statements=N".
"""
import re
import sys

BACKGROUND = re.compile(r"\b(outbox_message|outbox_email|shedlock|spring_session\w*|demo_seeding)\b", re.I)
SESSION = re.compile(r"^\s*(set|show|reset|discard)\b", re.I)
TX_START = re.compile(r"^\s*(begin|start transaction)\b", re.I)
TX_END = re.compile(r"^\s*(commit|rollback|end)\s*$", re.I)
SAVEPOINT = re.compile(r"^\s*(savepoint|release|rollback\s+to)\b", re.I)
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ \[(\d+)\] <([^>]*)> (\w+):  (.*)$")
STATEMENT = re.compile(r"^(?:execute [^:]+|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)
APP = "PostgreSQL JDBC Driver"


def records(text):
    """(pid, application, level, message) with continuation lines joined."""
    current = None
    for line in text.split("\n"):
        m = RECORD.match(line)
        if m:
            if current:
                yield current
            current = [m.group(2), m.group(3), m.group(4), m.group(5)]
        elif current is not None:
            current[3] += "\n" + line
    if current:
        yield current


def one_line(sql):
    """The statement on one line: "--" comments (outside string literals) dropped, whitespace runs outside literals
    made one space."""
    out, i, quoted = [], 0, False
    while i < len(sql):
        c = sql[i]
        if quoted:
            out.append(c)
            if c == "'":
                quoted = False
        elif c == "'":
            quoted = True
            out.append(c)
        elif sql.startswith("--", i):
            while i < len(sql) and sql[i] != "\n":
                i += 1
            out.append(" ")
            continue
        elif c.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
        else:
            out.append(c)
        i += 1
    return "".join(out).strip()


def no_conflict(sql):
    """For the replay of a view that wrote (--rollback): an insert that would meet the rows the captured request itself
    committed (the acceptance's decision, letters) does nothing instead of ending the pgbench client."""
    if not sql.lower().startswith("insert") or re.search(r"on conflict", sql[-400:], re.I):
        return sql
    head, sep, tail = sql.rpartition(" returning ")
    return head + " on conflict do nothing returning " + tail if sep else sql + " on conflict do nothing"


def inline(sql, params):
    return re.sub(r"\$(\d+)(?!\d)", lambda m: params.get(m.group(1), m.group(0)), sql)


def main():
    log, offset = sys.argv[1], int(sys.argv[2])
    rollback = "--rollback" in sys.argv[3:]
    with open(log, "rb") as f:
        f.seek(offset)
        text = f.read().decode("utf-8", "replace")
    # Per backend: statements in order; a DETAIL line belongs to the statement just before it from the same backend.
    statements = []  # [pid, sql, params]
    last = {}
    for pid, app, level, message in records(text):
        if app != APP:
            continue
        if level == "LOG":
            m = STATEMENT.match(message)
            if m:
                entry = [pid, m.group(1).strip(), {}]
                statements.append(entry)
                last[pid] = entry
        elif level == "DETAIL" and message.lower().startswith("parameters:") and pid in last:
            last[pid][2] = {k: v for k, v in PARAM.findall(message)}
    # Group into transactions per backend, in the order they started, then drop background work and empty ones.
    units, open_tx = [], {}
    for pid, sql, params in statements:
        sql = inline(one_line(sql), params)
        if not sql or SESSION.match(sql):
            continue
        if TX_START.match(sql):
            open_tx[pid] = [sql]
            units.append(open_tx[pid])
        elif TX_END.match(sql) or SAVEPOINT.match(sql):
            # The end of a transaction, or a savepoint in it, is kept with its transaction; one that began before the
            # captured view (the tail of an earlier request on the same connection) is not part of this view.
            if pid in open_tx:
                (open_tx.pop(pid) if TX_END.match(sql) else open_tx[pid]).append(sql)
        elif pid in open_tx:
            open_tx[pid].append(sql)
        else:
            units.append([sql])
    out, count = [], 0
    for unit in units:
        body = [s for s in unit if not (TX_START.match(s) or TX_END.match(s) or SAVEPOINT.match(s))]
        # The outbox dispatcher's and the scheduler's own transactions begin with their tables; a request's
        # transaction that writes an outbox message (an acceptance) begins with its own work and is kept.
        if not body or (BACKGROUND.search(body[0]) and not body[0].lower().startswith("insert")):
            continue
        for s in unit:
            if rollback and TX_END.match(s):
                s = "ROLLBACK"
            if rollback:
                s = no_conflict(s)
            out.append(s + ";")
        count += len(body)
    if rollback and out and not TX_START.match(out[0]):
        # Writes outside an explicit transaction: wrap the whole view so the replay leaves no trace.
        out = ["BEGIN;"] + out + ["ROLLBACK;"]
    print("\n".join(out))
    print("statements=%d" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
