#!/usr/bin/env python3
"""Checks a LienThong evidence bundle with the Python standard library alone.

    python3 check_bundle.py evidence.zip

It checks what needs no cryptography beyond SHA-256: the ASiC manifest's digests (and that it lists every file),
each log entry's entryHash, the envelope against the contentHash of the document's intake entry, and each entry's
RFC 9162 inclusion path to the root of the signed head. The head's signature and time stamp are then checked with
openssl (see docs/auditing.md). Exit 0 when everything holds, 1 at the first problem, which it names.
"""
import base64
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

INTAKE_STEPS = {"intake-accepted", "inbound-accepted", "inbound-refused", "inbound-quarantined", "quarantine-released"}
UNKEYED_STEPS = {"signatures-checked", "signed"}
HASHED = ["sequence", "time", "documentKey", "step", "outcome", "attempt", "contentHash", "detail", "previousHash"]
NS = {"asic": "http://uri.etsi.org/02918/v1.2.1#", "ds": "http://www.w3.org/2000/09/xmldsig#"}


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def field(value):
    """One field as LogEntryHash encodes it: b"<length>:<utf-8 bytes>,", or b"-," for null."""
    if value is None:
        return b"-,"
    data = str(value).encode("utf-8")
    return str(len(data)).encode() + b":" + data + b","


def root_from_inclusion(index, size, leaf, path):
    """RFC 9162 section 2.1.3.2: the root an audit path leads to, or None when it leads nowhere."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def main(path):
    bundle = zipfile.ZipFile(path)
    names = bundle.namelist()
    first = bundle.infolist()[0]
    if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED \
            or bundle.read("mimetype") != b"application/vnd.etsi.asic-e+zip":
        fail("the first file is not the stored mimetype application/vnd.etsi.asic-e+zip")
    if len(set(names)) != len(names):
        fail("two files have the same name")

    manifest = ET.fromstring(bundle.read("META-INF/ASiCManifest.xml"))
    listed = {}
    for ref in manifest.findall("asic:DataObjectReference", NS):
        method = ref.find("ds:DigestMethod", NS).get("Algorithm")
        if method != "http://www.w3.org/2001/04/xmlenc#sha256":
            fail(ref.get("URI") + " is not hashed with SHA-256")
        listed[ref.get("URI")] = base64.b64decode(ref.find("ds:DigestValue", NS).text)
    for name in names:
        if name not in listed and name not in ("mimetype", "META-INF/ASiCManifest.xml", "META-INF/signature.p7s"):
            fail(name + " is not in the manifest")
    for name, digest in listed.items():
        if name not in names:
            fail("the manifest lists " + name + ", which is missing")
        if hashlib.sha256(bundle.read(name)).digest() != digest:
            fail(name + " does not have the SHA-256 the manifest lists")

    entries = [json.loads(line) for line in bundle.read("log.jsonl").decode("utf-8").splitlines() if line]
    for e in entries:
        if hashlib.sha256(b"".join(field(e[n]) for n in HASHED)).hexdigest() != e["entryHash"]:
            fail("log entry %d was edited: its fields do not give its entryHash" % e["sequence"])

    key = json.loads(bundle.read("timeline.json"))["document"]["key"]
    envelope = hashlib.sha256(bundle.read("envelope.xml")).hexdigest()
    intake = next((e for e in entries if e["documentKey"] == key and e["step"] in INTAKE_STEPS), None)
    if intake is None:
        fail("no intake entry of document " + key)
    if intake["contentHash"] != envelope:
        fail("envelope.xml has SHA-256 %s but log entry %d (%s) says %s"
             % (envelope, intake["sequence"], intake["step"], intake["contentHash"]))
    for e in entries:
        if e["documentKey"] != key and not (e["documentKey"] is None and e["step"] in UNKEYED_STEPS
                                            and e["contentHash"] == envelope):
            fail("log entry %d is not about this document" % e["sequence"])

    proof = json.loads(bundle.read("proof.json"))
    root = bytes.fromhex(proof["root"])
    paths = {i["sequence"]: i for i in proof["inclusions"]}
    for e in entries:
        inclusion = paths.get(e["sequence"])
        if inclusion is None or inclusion["leafIndex"] != e["sequence"] - 1:
            fail("log entry %d has no inclusion path" % e["sequence"])
        leaf = hashlib.sha256(b"\x00" + bytes.fromhex(e["entryHash"])).digest()
        reached = root_from_inclusion(inclusion["leafIndex"], proof["size"], leaf,
                                      [bytes.fromhex(h) for h in inclusion["path"]])
        if reached != root:
            fail("the inclusion path of log entry %d does not lead to the root %s" % (e["sequence"], proof["root"]))

    head = dict(line.split(": ", 1) for line in bundle.read("anchor/head.txt").decode("utf-8").splitlines()[1:])
    if head["root"] != proof["root"] or int(head["size"]) != proof["size"]:
        fail("the proofs lead to root %s of size %d, the head says root %s of size %s"
             % (proof["root"], proof["size"], head["root"], head["size"]))

    print("OK: document %s, envelope SHA-256 %s = entry %d; %d entries included in the tree of %s entries, root %s."
          % (key, envelope, intake["sequence"], len(entries), head["size"], head["root"]))
    print("Now check anchor/head.sig and anchor/head.tst with openssl (docs/auditing.md).")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    try:
        main(sys.argv[1])
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as e:
        print("UNUSABLE: %s" % e)
        sys.exit(2)
