#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an outcome document the way another program would and checks its structure.

  check-outcome.py md   FILE clean|negotiation N   -- Markdown: N numbered paragraphs
  check-outcome.py odt  FILE clean|negotiation N   -- OpenDocument text: the package and content.xml
  check-outcome.py pdf  FILE clean|negotiation N   -- PDF through pdftotext

N counts the paragraphs of the document, alternatives (bis, ter …) included. Exit 0 when all is
well, 1 with a message naming the file and what is wrong.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

LATIN = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|undecies|duodecies"
NUMBER = re.compile(r"^(\d+)(?: (" + LATIN + r"))?\.$")


def fail(path, message):
    print(f"{path}: {message}", file=sys.stderr)
    sys.exit(1)


def check_numbers(path, labels, version, expected):
    """labels: "12", "3 bis" in document order."""
    if len(labels) != expected:
        fail(path, f"{len(labels)} numbered paragraphs, expected {expected}: {labels}")
    last = 0
    for label in labels:
        m = re.fullmatch(r"(\d+)(?: (" + LATIN + r"))?", label)
        if not m:
            fail(path, f"“{label}” is not a paragraph number")
        n = int(m.group(1))
        if m.group(2):
            if version == "clean":
                fail(path, f"the clean version labels paragraph {label} as an alternative")
            if n != last:
                fail(path, f"alternative {label} does not follow paragraph {n}")
        else:
            if n != last + 1:
                fail(path, f"paragraph {n} follows {last}: numbers are not consecutive")
            last = n


def check_text(path, text, version):
    if version == "clean":
        if "[" in text or "]" in text:
            fail(path, "the clean version still holds square brackets")
        if re.search(r"\b(" + LATIN + r")\.", text):
            fail(path, "the clean version holds an alternative label")


def check_markdown(path, version, expected):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if not lines[0].startswith("# "):
        fail(path, "the first line is not the title (# …)")
    labels = []
    in_list_item = False
    for i, line in enumerate(lines, 1):
        m = re.match(r"^(\d+)\. \S", line)
        if m:
            labels.append(m.group(1))
            continue
        m = re.match(r"^\*\*(\d+) (" + LATIN + r")\.\*\* ", line)
        if m:
            labels.append(f"{m.group(1)} {m.group(2)}")
            continue
        m = re.match(r"^ +(\([a-z]+\)) ", line)
        if m and not labels:
            fail(path, f"line {i}: subparagraph {m.group(1)} before any numbered paragraph")
    check_numbers(path, labels, version, expected)
    body = "\n".join(lines)
    check_text(path, body.replace("\\[", "[").replace("\\]", "]"), version)
    if "## " not in body:
        fail(path, "no chapter heading (## …)")


def check_odt(path, version, expected):
    z = zipfile.ZipFile(path)
    bad = z.testzip()
    if bad is not None:
        fail(path, f"entry {bad} fails its CRC check")
    infos = z.infolist()
    if infos[0].filename != "mimetype":
        fail(path, f"the first entry is {infos[0].filename}, not mimetype")
    if infos[0].compress_type != zipfile.ZIP_STORED:
        fail(path, "mimetype is compressed; it must be stored")
    if infos[0].extra:
        fail(path, "mimetype carries an extra field")
    if z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
        fail(path, "mimetype is not application/vnd.oasis.opendocument.text")
    for part in ("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"):
        try:
            ET.fromstring(z.read(part))
        except ET.ParseError as e:
            fail(path, f"{part} is not well-formed XML: {e}")
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"}
    manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
    paths = {e.get("{%s}full-path" % ns["manifest"]) for e in manifest}
    if not {"/", "content.xml", "styles.xml", "meta.xml"} <= paths:
        fail(path, f"the manifest lists {sorted(paths)}")
    root = ET.fromstring(z.read("content.xml"))
    body = root.find("office:body/office:text", ns)
    if body is None:
        fail(path, "content.xml has no office:text")
    labels = []
    texts = []
    for p in body:
        content = "".join(p.itertext())
        texts.append(content)
        if p.get("{%s}style-name" % ns["text"]) == "Numbered" and p.find("text:tab", ns) is not None:
            label = content.split("\t")[0] if "\t" in content else "".join(
                p.find("text:span", ns).itertext() if p.find("text:span", ns) is not None else [])
            # the number stands before the first tab
            first = (p.text or "")
            span = p.find("text:span", ns)
            if span is not None:
                first = "".join(span.itertext())
            m = NUMBER.match(first.strip())
            if m:
                labels.append(first.strip()[:-1])
    headings = body.findall("text:h", ns)
    if not headings:
        fail(path, "no heading (text:h)")
    check_numbers(path, labels, version, expected)
    check_text(path, "\n".join(texts), version)


def check_pdf(path, version, expected):
    out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, check=True)
    text = out.stdout.decode("utf-8")
    labels = []
    for line in text.split("\n"):
        m = re.match(r"^\s*(\d+)(?: (" + LATIN + r"))?\.\s+\S", line)
        if m:
            labels.append(m.group(1) + (" " + m.group(2) if m.group(2) else ""))
    check_numbers(path, labels, version, expected)
    check_text(path, text, version)


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    kind, path, version, expected = sys.argv[1:]
    {"md": check_markdown, "odt": check_odt, "pdf": check_pdf}[kind](path, version, int(expected))


if __name__ == "__main__":
    main()
