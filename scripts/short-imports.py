#!/usr/bin/env python3
"""Gives the wasm's imports from its JS glue short names, in both files.

wasm-bindgen names each function the wasm imports from its glue after the API it calls
and a hash (`__wbg_setAttribute_f75317b2b5cabfb4`): 218 such names, each written in the
wasm's import section and once more as a key in the glue, about 15 KB of a first visit
(the hashes barely compress). Here each becomes `w<n>` in both places. The names mean
nothing at run time; nothing else refers to them (checked: each occurs once in the glue).

Usage: short-imports.py WASM GLUE.js (both edited in place), run on wasm-bindgen's
output before the minifier. (A build with names keeps the old ones in its name section.)
"""
import re
import sys

NAME = re.compile(r"__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}")


def leb(data: bytes, at: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `at`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def to_leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def name(data: bytes, at: int) -> tuple[bytes, int]:
    length, at = leb(data, at)
    return data[at:at + length], at + length


def limits(data: bytes, at: int) -> int:
    flags = data[at]
    _, at = leb(data, at + 1)
    if flags & 1:
        _, at = leb(data, at)
    return at


def import_desc_end(data: bytes, at: int) -> int:
    kind = data[at]
    at += 1
    if kind == 0:  # function: its type
        return leb(data, at)[1]
    if kind == 1:  # table: element type, limits
        return limits(data, at + 1)
    if kind == 2:  # memory: limits
        return limits(data, at)
    if kind == 3:  # global: value type, mutability
        return at + 2
    if kind == 4:  # tag: attribute, type
        return leb(data, at + 1)[1]
    sys.exit(f"short-imports: an import of kind {kind}, which this script does not know")


def rename_imports(wasm: bytes, renamed: dict[str, str]) -> tuple[bytes, int]:
    """The module with its imports renamed, and how many were."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        sys.exit("short-imports: not a wasm module")
    out = bytearray(wasm[:8])
    at = 8
    done = 0
    while at < len(wasm):
        section = wasm[at]
        size, start = leb(wasm, at + 1)
        end = start + size
        if section != 2:
            out += wasm[at:end]
            at = end
            continue
        count, pos = leb(wasm, start)
        body = bytearray(to_leb(count))
        for _ in range(count):
            module, pos = name(wasm, pos)
            field, pos = name(wasm, pos)
            desc_end = import_desc_end(wasm, pos)
            if field.decode() in renamed:
                field = renamed[field.decode()].encode()
                done += 1
            body += to_leb(len(module)) + module + to_leb(len(field)) + field + wasm[pos:desc_end]
            pos = desc_end
        if pos != end:
            sys.exit("short-imports: the import section did not read to its end")
        out += bytes([2]) + to_leb(len(body)) + body
        at = end
    return bytes(out), done


def main() -> None:
    wasm_path, glue_path = sys.argv[1:3]
    glue = open(glue_path, encoding="utf-8").read()
    wasm = open(wasm_path, "rb").read()
    names = sorted(set(NAME.findall(glue)))
    renamed = {}
    for n, old in enumerate(names):
        if glue.count(old) != 1 or old.encode() not in wasm:
            sys.exit(f"short-imports: {old} is not one import written once in the glue; look at the glue")
        renamed[old] = f"w{n}"
    if not renamed:
        sys.exit("short-imports: the glue has no imports named the way this script knows")
    new_wasm, done = rename_imports(wasm, renamed)
    if done != len(renamed):
        sys.exit(f"short-imports: {done} of the glue's {len(renamed)} imports are imports of the wasm")
    glue = NAME.sub(lambda m: renamed[m.group(0)], glue)
    open(wasm_path, "wb").write(new_wasm)
    open(glue_path, "w", encoding="utf-8").write(glue)


if __name__ == "__main__":
    main()
