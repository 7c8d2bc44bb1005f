#!/usr/bin/env python3
"""Checks a lienthong-audit/1 export with nothing but the Python 3 standard library.

    python3 check_export.py log.jsonl

Recomputes every entry's hash (netstring fields, see docs/auditing.md), follows the chain through the omitted lines,
checks the trailer, and folds the entries with the range proof into the Merkle root (RFC 9162) that the closing
anchor's signed head states. It does not check signatures or time stamps: use `openssl` for those (docs/auditing.md).
Exit 0 and "ok" when all holds; otherwise exit 1 naming the first broken entry.
"""
import hashlib
import json
import sys

FIELDS = ["sequence", "time", "documentKey", "step", "outcome", "attempt", "contentHash", "detail", "previousHash"]


def field(value):
    if value is None:
        return b"-,"
    data = str(value).encode("utf-8")
    return str(len(data)).encode() + b":" + data + b","


def entry_hash(entry):
    return hashlib.sha256(b"".join(field(entry[name]) for name in FIELDS)).hexdigest()


def leaf(entry_hash_hex):
    return hashlib.sha256(b"\x00" + bytes.fromhex(entry_hash_hex)).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def subtree(leaves):
    if len(leaves) == 1:
        return leaves[0]
    k = split(len(leaves))
    return node(subtree(leaves[:k]), subtree(leaves[k:]))


def range_root(start, end, size, leaves, proof):
    """The root of a tree of `size` leaves from leaves [start, end) and the range proof (left to right)."""
    hashes = iter(proof)

    def fold(lo, hi):
        if hi <= start or lo >= end:
            return next(hashes)
        if lo >= start and hi <= end:
            return subtree(leaves[lo - start:hi - start])
        k = split(hi - lo)
        return node(fold(lo, lo + k), fold(lo + k, hi))

    root = fold(0, size)
    if next(hashes, None) is not None:
        raise ValueError("the range proof has hashes left over")
    return root


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def main(path):
    lines = [json.loads(line) for line in open(path, encoding="utf-8")]
    header, trailer = lines[0], lines[-1]
    if header.get("type") != "header" or trailer.get("type") != "trailer":
        fail("no header or no trailer: the file is not a whole lienthong-audit/1 export")
    expected, previous, leaves = header["firstSequence"], header["previousHash"], []
    for line in lines[1:-1]:
        if line["type"] not in ("entry", "omitted"):
            continue
        n = line["sequence"]
        if n != expected:
            fail("entry %d expected, entry %d found" % (expected, n))
        if line["type"] == "entry":
            if line["previousHash"] != previous:
                fail("entry %d does not carry the hash of entry %d" % (n, n - 1))
            if entry_hash(line) != line["entryHash"]:
                fail("entry %d was altered: its hash does not match its content" % n)
        previous = line["entryHash"]
        leaves.append(leaf(previous))
        expected += 1
    if expected - 1 != trailer["lastSequence"] or previous != trailer["lastHash"]:
        fail("the trailer does not match the entries")
    if trailer["closingAnchor"] is not None:
        anchor = next(l for l in lines if l["type"] == "anchor" and l["size"] == trailer["closingAnchor"])
        proof = next(l for l in lines if l["type"] == "range")
        root = range_root(header["firstSequence"] - 1, trailer["lastSequence"], proof["size"], leaves,
                          [bytes.fromhex(h) for h in proof["hashes"]])
        signed_root = [l for l in anchor["head"].split("\n") if l.startswith("root: ")][0][len("root: "):]
        if root.hex() != signed_root:
            fail("the entries do not lead to the root the closing anchor signed")
    print("ok %d entries, last hash %s" % (expected - header["firstSequence"], previous))


if __name__ == "__main__":
    main(sys.argv[1])
