#!/usr/bin/env python3
"""Where a page's time goes in the app (bin/load-test --jfr): reads `jfr print --events jdk.ExecutionSample` of a
recording made while Gatling loaded one page, and prints the methods most often on top of the stack (self) and the
application or framework methods most often anywhere on it (inclusive), as shares of the samples.
   jfr print --events jdk.ExecutionSample --stack-depth 96 page.jfr | bin/lib/jfr-top.py [N]"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*line:")
INTERESTING = ("no.bosetting.", "org.thymeleaf.", "org.springframework.", "org.postgresql.", "com.zaxxer.",
               "tools.jackson.", "org.apache.catalina.", "org.apache.tomcat.")


def samples(lines):
    stack, inside = [], False
    for line in lines:
        if line.startswith("jdk.ExecutionSample"):
            stack, inside = [], False
        elif "stackTrace = [" in line:
            inside = True
        elif inside and line.strip() == "]":
            inside = False
            yield stack
        elif inside:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))


# Where a sample is: the first of these found anywhere on its stack (checked in this order).
PARTS = [("password check", ("org.springframework.security.crypto.bcrypt.",)),
         ("JDBC", ("org.postgresql.", "com.zaxxer.hikari.", "org.springframework.jdbc.")),
         ("Thymeleaf", ("org.thymeleaf.",)),
         ("JSON", ("tools.jackson.", "com.fasterxml.jackson.")),
         ("app code", ("no.bosetting.",))]
SIGN_IN = "org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.attemptAuthentication"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    own, anywhere, parts, total, sign_in = collections.Counter(), collections.Counter(), collections.Counter(), 0, 0
    for stack in samples(sys.stdin):
        if not stack:
            continue
        if SIGN_IN in stack:
            # The load's users signing in (bcrypt) before they request the page: not the page's cost.
            sign_in += 1
            continue
        total += 1
        own[stack[0]] += 1
        joined = " ".join(stack)
        parts[next((name for name, prefixes in PARTS if any(p in joined for p in prefixes)), "other")] += 1
        for method in set(stack):
            if method.startswith(INTERESTING):
                anywhere[method] += 1
    if not total:
        print("no samples")
        return
    print("parts: " + ", ".join("%s %d %%" % (name, round(100.0 * parts[name] / total))
                                for name in [n for n, _ in PARTS] + ["other"] if parts[name]))
    print("%d samples (all threads; %d more in the load users' sign-in left out). Self (top of stack):" % (total, sign_in))
    for method, c in own.most_common(n):
        print("  %5.1f %%  %s" % (100.0 * c / total, method))
    print("Inclusive (application and framework methods anywhere on the stack):")
    for method, c in anywhere.most_common(n * 2):
        print("  %5.1f %%  %s" % (100.0 * c / total, method))


if __name__ == "__main__":
    main()
