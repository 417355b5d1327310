#!/usr/bin/env python3
"""Trunk post-build hook: makes the built site work offline under a strict CSP.

- Moves trunk's inline start-up script into its own file, so the Content-Security-Policy
  can forbid inline scripts.
- Writes sw.js with the list of every built file (hashed names) and a version derived
  from them, so each deployment gets a fresh cache and old caches are removed.
"""
import hashlib
import os
import re
import sys

stage = os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]
index_path = os.path.join(stage, "index.html")
with open(index_path, encoding="utf-8") as f:
    index = f.read()

inline = re.search(r'<script type="?module"?>(.*?)</script>', index, re.S)
if not inline and "boot-" not in index:
    sys.exit("offline.py: trunk's start-up script was not found; the CSP would block the app")
if inline:
    body = inline.group(1).strip() + "\n"
    name = "boot-%s.js" % hashlib.sha256(body.encode()).hexdigest()[:16]
    with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
        f.write(body)
    index = index.replace(inline.group(0), '<script type="module" src="./%s"></script>' % name)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(index)

files = []
for root, _, names in os.walk(stage):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), stage).replace(os.sep, "/")
        if rel != "sw.js":
            files.append(rel)
files.sort()
digest = hashlib.sha256()
for rel in files:
    with open(os.path.join(stage, rel), "rb") as f:
        digest.update(rel.encode() + b"\0" + hashlib.sha256(f.read()).digest())

sw_path = os.path.join(stage, "sw.js")
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
listing = "[\n" + "".join("  './%s',\n" % rel for rel in files) + "]"
sw = sw.replace("'__VERSION__'", "'%s'" % digest.hexdigest()[:16]).replace("__FILES__", listing)
# Comments are for the source; every visitor downloads the worker.
sw = "\n".join(line for line in sw.splitlines() if line.strip() and not line.strip().startswith("//")) + "\n"
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print("offline: %d files precached, boot script %s" % (len(files), "moved" if inline else "absent"))
