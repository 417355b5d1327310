#!/usr/bin/env python3
"""Packs the parts a first plan needs into one file, so opening, creating or importing
the first plan fetches one file instead of about 110.

wasm-split puts every function that several parts share into a chunk of its own, one
per set of parts that share it; the plan reader and the screens of a plan (loaded
together, `state::load_codec`) need about 110 of them. Here those parts and their chunks
become one file, `pack_plan.wasm` (an index, then the wasm modules one after the other;
named .wasm so hosts send it compressed like the modules in it), and the part loader
(`__wasm_split.js`) takes each of them out of the pack, which it fetches once.

Parts the plan list can load before any plan (the reader of language packs, files on
disk, blank worksheets, the English texts) and the chunks they need stay files of their
own, so nothing but a plan fetches the pack.

Usage: pack-parts.py <folder with __wasm_split.js and the parts>
"""
import json
import os
import re
import sys

PACKED = ("plan_codec", "plan_screens")
# Parts the plan list can load before any plan is open.
BEFORE_A_PLAN = ("language_pack_reader", "file_access", "worksheets", "english_texts")
PACK = "pack_plan.wasm"

folder = sys.argv[1]
loader_path = os.path.join(folder, "__wasm_split.js")
loader = open(loader_path, encoding="utf-8").read()

# Each part: `__wasm_split_load_<name> = wrapAsyncCb(makeLoad(() => { ...fetch("./split_<name>.wasm")... }, [deps]))`.
part_re = re.compile(
    r'__wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./(split_\w+)\.wasm", import\.meta\.url\)\);.*?\n\}\n, \[([^\]]*)\]\)\)',
    re.S)
deps = {}
files = {}
for m in part_re.finditer(loader):
    deps[m.group(1)] = [d.strip().removeprefix("__") for d in m.group(3).split(",") if d.strip()]
    files[m.group(1)] = m.group(2)
missing = [p for p in PACKED + BEFORE_A_PLAN if p not in deps]
if missing:
    sys.exit(f"pack-parts: the part loader has no part {', '.join(missing)}")

early = {c for p in BEFORE_A_PLAN for c in deps[p]}
members = [files[p] for p in PACKED] + sorted({c for p in PACKED for c in deps[p]} - early, key=lambda c: int(c.split("_")[1]))

# The pack: the length of its index (4 bytes, little-endian), the index as JSON (each
# module's name: its offset after the index and its length), then the modules. The index
# travels in the pack, so the loader of a first visit carries only the function below.
index = {}
data = bytearray()
for name in members:
    path = os.path.join(folder, name + ".wasm")
    module = open(path, "rb").read()
    if module[:4] != b"\0asm":
        sys.exit(f"pack-parts: {name}.wasm is not a wasm module")
    index[name] = [len(data), len(module)]
    data += module
    os.remove(path)
head = json.dumps(index, separators=(",", ":")).encode()
with open(os.path.join(folder, PACK), "wb") as pack:
    pack.write(len(head).to_bytes(4, "little") + head + data)

for name in members:
    fetch = f'fetch(new URL("./{name}.wasm", import.meta.url))'
    if loader.count(fetch) != 1:
        sys.exit(f"pack-parts: {name}.wasm is fetched {loader.count(fetch)} times in the part loader")
    loader = loader.replace(fetch, f'__fromPack("{name}")')

# The pack is fetched once, when the first of its modules is wanted; a failed fetch is
# forgotten, so the next attempt (the app retries a part that could not be fetched)
# fetches it again. Each module is handed to `instantiateStreaming` as a response of its own.
helper = f"""
let __pack;
function __fromPack(name) {{
    if (__pack === undefined) {{
        const pack = fetch(new URL("./{PACK}", import.meta.url)).then((r) => {{
            if (!r.ok) throw new Error(`{PACK}: ${{r.status}}`);
            return r.arrayBuffer();
        }}).then((bytes) => {{
            const n = new DataView(bytes).getUint32(0, true);
            return {{ bytes, at: 4 + n, index: JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 4, n))) }};
        }});
        pack.catch(() => {{ if (__pack === pack) __pack = undefined; }});
        __pack = pack;
    }}
    return __pack.then(({{ bytes, at, index }}) => new Response(new Uint8Array(bytes, at + index[name][0], index[name][1]), {{ headers: {{ "content-type": "application/wasm" }} }}));
}}
"""

# Each of the 230-odd modules is declared with the same eight lines but for its name and
# where it comes from: one function says them once, taking the name, the dependencies and
# whether the module is in the pack (about 0.4 KB less gzipped in a first visit's loader).
module_re = re.compile(
    r'makeLoad\(\(\) => \{\s*const src = (?:fetch\(new URL\("\./(\w+)\.wasm", import\.meta\.url\)\)|__fromPack\("(\w+)"\));'
    r'\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*, \[')
declared = len(re.findall(r"makeLoad\(", loader)) - 1  # less its definition
loader, said = module_re.subn(lambda m: f'__module("{m.group(1)}", 0, [' if m.group(1) else f'__module("{m.group(2)}", 1, [', loader)
if said != declared:
    sys.exit(f"pack-parts: {said} of the {declared} modules of the part loader have the shape this script knows")
helper += """
function __module(name, packed, deps) {
    return makeLoad(() => {
        const src = packed ? __fromPack(name) : fetch(new URL(`./${name}.wasm`, import.meta.url));
        src.catch(() => {});
        return async (imports) => WebAssembly.instantiateStreaming(src, imports);
    }, deps);
}
"""
first_line_end = loader.index("\n") + 1  # after the import of the glue
loader = loader[:first_line_end] + helper + loader[first_line_end:]
open(loader_path, "w", encoding="utf-8").write(loader)
print(f"pack-parts: {len(members)} modules in {PACK} ({len(data)} bytes)")
