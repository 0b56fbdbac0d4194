#!/usr/bin/env python3
"""Makes the .docx import fixtures from the Akoma Ntoso test documents.

For each source document, writes HTML whose headings are <h1> (parts,
chapters) and <h2> (sections), whose numbered provisions are ordered lists
(<ol>, <ol type="a">, <ol type="i">, a new <ol start="N"> where the source
skips numbers), converts it to .docx with LibreOffice (so the numbers in the
.docx are Word list numbering, made by LibreOffice, not typed), and writes
NAME.expected: one line per provision, `kind|num|heading|text`, as this
script understands the document it made (the numbers are those the lists
print). Nothing here uses Accord.

Usage: make_fixtures.py SOURCE_DIR OUT_DIR   (SOURCE_DIR: ../akn)
"""
import html
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SOURCES = [
    ("un-resolution-en", "v2/Bill_UN_2012.xml"),
    ("un-resolution-es", "v2/Bill_UN_2012_ES.xml"),
    ("scottish-act", "v3/uk_asp-2017-1-enacted-data.akn.xml"),
]
LEFT_OUT = {"authorialNote", "omissis", "num", "heading", "noteRef", "img", "table"}
UNITS = {"subsection", "paragraph", "subparagraph", "point", "item", "clause"}
GROUPS = {"part", "chapter"}
ARTICLES = {"section", "article"}


def loc(e):
    return e.tag.split("}")[-1]


def words(e):
    """The words of e, without its number, heading and notes."""
    out = []

    def walk(x):
        if loc(x) in LEFT_OUT:
            if x.tail:
                out.append(x.tail)
            return
        if x.text:
            out.append(x.text)
        for c in x:
            walk(c)
        if x.tail:
            out.append(x.tail)

    if e.text:
        out.append(e.text)
    for c in e:
        walk(c)
    return " ".join("".join(out).split())


def child(e, name):
    for c in e:
        if loc(c) == name:
            return c
    return None


def num_of(e):
    n = child(e, "num")
    return " ".join("".join(n.itertext()).split()) if n is not None else ""


def letters(n):
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def roman(n):
    out = ""
    for v, s in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]:
        while n >= v:
            out += s
            n -= v
    return out


LABEL = {"1": lambda n: f"{n}.", "a": lambda n: f"{letters(n)}.", "i": lambda n: f"{roman(n)}."}
TYPES = ["1", "a", "i"]


class Out:
    def __init__(self):
        self.html = []
        self.expected = []
        self.article_open = False

    def p(self, text):
        self.html.append(f"<p>{html.escape(text)}</p>")

    def expect(self, kind, num, heading, text):
        self.expected.append(f"{kind}|{num}|{heading}|{text}")


def own_words(u):
    parts = [words(c) for c in u if loc(c) in ("intro", "content", "p")]
    return " ".join(p for p in parts if p)


def units_of(e):
    """The numbered units under e, through lists."""
    out = []
    for c in e:
        if loc(c) in UNITS:
            out.append(c)
        elif loc(c) in ("list", "blockList"):
            out.extend(units_of(c))
    return out


def write_list(out, units, level):
    """An ordered list of units at level (0 paragraphs, 1 points, 2 deeper)."""
    kind = TYPES[min(level, 2)]
    counter = 0
    opened = False
    for u in units:
        src = num_of(u).strip("().")
        if src.isdigit() and level == 0 and counter and int(src) != counter + 1:
            # The source skips numbers: a new list starting there.
            out.html.append("</ol>")
            opened = False
            counter = int(src) - 1
        if not opened:
            start = f' start="{counter + 1}"' if counter else ""
            type_ = "" if kind == "1" else f' type="{kind}"'
            out.html.append(f"<ol{type_}{start}>")
            opened = True
        counter += 1
        label = LABEL[kind](counter)
        text = own_words(u)
        out.html.append(f"<li>{html.escape(text)}")
        if level == 0:
            out.expect("paragraph", label, "", text)
        elif level == 1:
            out.expect("point", label, "", text)
        else:
            # Accord joins levels below points to their point's words.
            last = out.expected.pop().split("|", 3)
            last[3] = f"{last[3]} {label} {text}"
            out.expected.append("|".join(last))
        inner = units_of(u)
        if inner:
            write_list(out, inner, level + 1)
        out.html.append("</li>")
    if opened:
        out.html.append("</ol>")


def article(out, e, word):
    num = num_of(e).replace("SECTION", "").replace("SEC.", "").strip(" .")
    heading = words(child(e, "heading")) if child(e, "heading") is not None else ""
    out.html.append(f"<h2>{html.escape(f'{word} {num}. {heading}'.strip())}</h2>")
    out.expect("article", num, heading, "")
    for c in e:
        if loc(c) in ("content", "intro"):
            t = words(c)
            if t:
                out.p(t)
                out.expect("paragraph", "", "", t)
    units = units_of(e)
    if units:
        write_list(out, units, 0)


def body(out, e):
    loose = []
    for c in e:
        n = loc(c)
        if n in GROUPS:
            num = num_of(c).replace("PART", "").replace("CHAPTER", "").strip()
            heading = words(child(c, "heading")) if child(c, "heading") is not None else ""
            out.html.append(f"<h1>{html.escape(f'{n.capitalize()} {num} {heading}'.strip())}</h1>")
            out.expect("chapter", num, heading, "")
            for a in c.iter():
                if loc(a) in ARTICLES:
                    article(out, a, "Section" if loc(a) == "section" else "Article")
        elif n in ARTICLES:
            article(out, c, "Section" if n == "section" else "Article")
        elif n in UNITS or n in ("list", "blockList"):
            loose.append(c)
    if loose:
        # A resolution's operative paragraphs: one article holds them.
        out.expect("article", "", "", "")
        units = []
        for c in loose:
            units.extend([c] if loc(c) in UNITS else units_of(c))
        write_list(out, units, 0)


def make(name, source, out_dir):
    doc = ET.parse(source).getroot()[0]
    out = Out()
    title = ""
    for wanted in ("docTitle", "shortTitle", "longTitle"):
        for t in doc.iter():
            if loc(t) == wanted and not title:
                title = words(t)
    if not title:
        for t in doc.iter():
            if loc(t) == "FRBRname" and not title:
                title = t.get("value", "")
    out.p(title)
    out.expected.append(f"title|||{title}")
    for c in doc:
        if loc(c) == "preamble":
            for p in c.iter():
                if loc(p) in ("p", "recital") and words(p):
                    if loc(p) == "p" and any(loc(a) == "recital" for a in c.iter()):
                        continue
                    out.p(words(p))
                    out.expect("recital", "", "", words(p))
        elif loc(c) in ("body", "mainBody"):
            body(out, c)
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head><body>\n"
        + "\n".join(out.html)
        + "\n</body></html>\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, f"{name}.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                out_dir,
                src,
            ],
            check=True,
        )
    with open(os.path.join(out_dir, f"{name}.html"), "w", encoding="utf-8") as f:
        f.write(page)
    with open(os.path.join(out_dir, f"{name}.expected"), "w", encoding="utf-8") as f:
        f.write("\n".join(out.expected) + "\n")


if __name__ == "__main__":
    source_dir, out_dir = sys.argv[1], sys.argv[2]
    for name, path in SOURCES:
        make(name, os.path.join(source_dir, path), out_dir)
