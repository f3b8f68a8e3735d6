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


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    own, anywhere, total = collections.Counter(), collections.Counter(), 0
    for stack in samples(sys.stdin):
        if not stack:
            continue
        total += 1
        own[stack[0]] += 1
        for method in set(stack):
            if method.startswith(INTERESTING):
                anywhere[method] += 1
    if not total:
        print("no samples")
        return
    print("%d samples (all threads). Self (top of stack):" % total)
    for method, c in own.most_common(n):
        print("  %5.1f %%  %s" % (100.0 * c / total, method))
    print("Inclusive (application and framework methods anywhere on the stack):")
    for method, c in anywhere.most_common(n * 2):
        print("  %5.1f %%  %s" % (100.0 * c / total, method))


if __name__ == "__main__":
    main()
