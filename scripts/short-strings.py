#!/usr/bin/env python3
"""Reads the short strings wasm passes to the page without a TextDecoder call each.

The JS glue turns every string the wasm passes (a tag or attribute name, a class, an
element's id, a label) into a JS string with `TextDecoder.decode`. Drawing a list of 400
rows passes tens of thousands of them, almost all short and ASCII, and the decoder's cost
per call, with the view of memory it needs, is most of the time: 18 ms of a 110 ms
landscape in a CPU profile. This replaces the glue's `getStringFromWasm0` with one that
  - reads a short ASCII string byte by byte;
  - keeps the strings found below `__heap_base` by their address and length, and gives the
    kept one back while the bytes there are still the same. Most are the program's own
    data (tag and attribute names, classes, texts), which never change; the stack and
    mutable statics lie below it too, so the comparison, byte by byte, is what makes a
    kept string right, and must stay;
  - hands anything longer or not ASCII to the decoder as before.

Usage: short-strings.py GLUE.js (edited in place). Fails when the glue does not have the
function as wasm-bindgen 0.2.130 writes it, so a new version is looked at, not skipped.
"""
import sys

ORIGINAL = """function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}"""

FAST = """const SHORT_STRING = 40; // less than 64, the factor of the kept strings' keys
const keptStrings = new Map();
let staticEnd = -1;
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const memory = getUint8ArrayMemory0();
    if (len > SHORT_STRING) return decodeText(memory.subarray(ptr, ptr + len));
    if (staticEnd < 0) staticEnd = wasm.__heap_base ? wasm.__heap_base.value >>> 0 : 0;
    const own = ptr < staticEnd;
    if (own) {
        const kept = keptStrings.get(ptr * 64 + len);
        if (kept !== undefined) {
            let same = true;
            for (let i = 0; i < len; i++) if (kept.charCodeAt(i) !== memory[ptr + i]) { same = false; break; }
            if (same) return kept;
        }
    }
    let text = '';
    for (let i = ptr, end = ptr + len; i < end; i++) {
        const byte = memory[i];
        if (byte > 127) return decodeText(memory.subarray(ptr, ptr + len));
        text += String.fromCharCode(byte);
    }
    if (own) keptStrings.set(ptr * 64 + len, text);
    return text;
}"""


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        glue = f.read()
    if glue.count(ORIGINAL) != 1:
        sys.exit(f"short-strings: {path} does not read strings the way this script knows; look at it")
    with open(path, "w", encoding="utf-8") as f:
        f.write(glue.replace(ORIGINAL, FAST))


if __name__ == "__main__":
    main()
