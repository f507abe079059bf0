#!/usr/bin/env python3
"""End-to-end acceptance tests of vitae's PDFs.

For every file in data/examples and every tests/compat/rendercv/**/*.yaml,
builds the PDF with the real binary and checks, with independent tools (pdffonts, pdfinfo,
qpdf, pdftotext):
  fonts        every font embedded, subset, with a ToUnicode map (pdffonts emb/sub/uni);
  qpdf         `qpdf --check` reports no error and no warning;
  links        every e-mail, phone, website, social profile, custom connection, DOI and
               markdown [text](url) of the source is a borderless /Link annotation with a
               /URI action, nothing else is; every link rectangle lies over text, and the
               text under an e-mail, DOI or markdown link is the text of the source;
  links-drawn  the glyphs drawn under an address, URL, user name or DOI link read as the
               source writes it (no hyphen added where it breaks across lines);
  rendercv     where RenderCV's own PDF of the same file is in the corpus, vitae's link
               targets are exactly RenderCV's (same URL forms for social networks);
  outline      one bookmark per section (under a single root bookmark, as RenderCV does),
               titled as RenderCV titles section keys, in order;
  metadata     Info Title/Author/Creator, PDF 1.7, XMP dc:title/dc:creator, catalog /Lang;
  dates        SOURCE_DATE_EPOCH=1700000000 -> Info CreationDate and XMP xmp:CreateDate are
               2023-11-14T22:13:20Z; without it, a fixed settings.current_date gives that
               day, and anything else gives no date at all;
  determinism  byte-identical output across two builds, another output file name, another
               TZ and another locale;
  codepoints   no U+FB00..U+FB06 and no U+2011 in pdftotext output;
  size         the reference CV (data/examples/wei-wen.yaml) is at most 44 KB (40 KB before
               contact icons: three Font Awesome subsets, as RenderCV embeds, add 4.9 KB).

Usage: test_pdf_acceptance.py PATH/TO/vitae   (cwd: repository root)

EXPECTED_FAILURES lists checks known to fail because of a product bug, keyed
"FILE::CHECK". The script fails if an expected failure starts passing, so that the list
is kept honest: remove the entry when the bug is fixed.
"""
import concurrent.futures
import datetime
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

from script_support import CORPUS, cv_source, with_corpus_status

# "FILE::CHECK" -> the product bug that makes the check fail.
EXPECTED_FAILURES = {}

REFERENCE_CV = "data/examples/wei-wen.yaml"

# Sources written by this script: what the corpus does not exercise (non-ASCII section keys
# and URLs, XML/PDF metacharacters in the name, NAME twice in the title, German locale).
SYNTHETIC = {
    "synthetic/edge-cases.yaml": """\
cv:
  name: "Zoë O'Brien & <Co>"
  email: zoe.obrien@example.com
  phone: "+49 (30) 1234-5678"
  website: https://zoe.example.org/
  social_networks:
    - network: GitLab
      username: zoe-ob
    - network: ORCID
      username: 0000-0002-1825-0097
    - network: X
      username: zoe_ob
  sections:
    über_uns:
      - "Text with [a link](https://example.com/ä?q=1&r=2) and more."
    experience_and_training:
      - company: Acme & Söhne
        position: Engineer
        start_date: 2020-01
        end_date: present
    Selected Work:
      - name: Project
        summary: See [the report](https://example.org/report.pdf).
settings:
  pdf_title: "NAME — Lebenslauf (NAME)"
  current_date: 2024-02-29
locale:
  language: german
""",
}
MAX_REFERENCE_BYTES = 44 * 1024
EPOCH = 1700000000
EPOCH_ISO = "2023-11-14T22:13:20Z"

# RenderCV 2.x's url_dictionary (rendercv/schema/models/cv/social_network.py); Mastodon is
# "https://DOMAIN/@USER". vitae's table is src/load/social_networks.cpp.
SOCIAL_PREFIX = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "WhatsApp": "https://wa.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
    "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}

# RenderCV's words_not_capitalized_in_a_title.
SMALL_WORDS = {"a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like",
               "near", "nor", "of", "off", "on", "onto", "or", "over", "so", "than", "that",
               "to", "upon", "when", "with", "yet"}

# locale.language -> BCP 47 tag expected in the catalog's /Lang.
LANG_TAGS = {"english": "en-US", "german": "de-DE", "french": "fr-FR", "spanish": "es-ES",
             "italian": "it-IT", "portuguese": "pt-PT", "turkish": "tr-TR", "dutch": "nl-NL"}

# Keys of the cv whose values are not markdown (a "[x](y)" there is not a link).
NOT_MARKDOWN = {"url", "doi", "email", "phone", "website", "username", "network", "photo",
                "fontawesome_icon", "start_date", "end_date", "date", "tags"}

MARKDOWN_LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(([^()\s]+)\)")


# ---- the source -----------------------------------------------------------------------------

def section_title(key):
    """RenderCV's dictionary_key_to_proper_section_title."""
    if " " in key or any(c.isupper() for c in key):
        return key
    words = key.replace("_", " ").split(" ")
    return " ".join(w.capitalize() if w.islower() and w not in SMALL_WORDS else w for w in words)


def plain(markup):
    """The text a markdown fragment shows."""
    s = MARKDOWN_LINK.sub(lambda m: m.group(1), markup)
    s = s.replace("**", "")
    s = re.sub(r"(?<![\\\w])\*|(?<!\\)\*(?!\w)", "", s)
    return re.sub(r"\\(.)", r"\1", s)


def markdown_links(node, key=None):
    """(text, url) of every markdown link in the cv's text fields."""
    if key in NOT_MARKDOWN:
        return
    if isinstance(node, str):
        for m in MARKDOWN_LINK.finditer(node):
            yield plain(m.group(1)), m.group(2)
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from markdown_links(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from markdown_links(v, key)


def entries(node):
    """Every mapping below `node` (entries, nested highlights)."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from entries(v)
    elif isinstance(node, list):
        for v in node:
            yield from entries(v)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def strip_scheme(url):
    return re.sub(r"^(https?://|mailto:|tel:)", "", url).rstrip("/")


def expected_links(doc):
    """[(uri, shown text or None, verbatim)] that the PDF must link, from the source alone.
    `verbatim` texts (addresses, URLs, user names, DOIs) must be drawn glyph for glyph,
    never hyphenated; the alternatives in a tuple are the forms RenderCV may show."""
    cv = doc.get("cv") or {}
    design = doc.get("design") or {}
    connections = ((design.get("header") or {}).get("connections") or {})
    out = []
    if connections.get("hyperlink", True) is not False:
        for e in as_list(cv.get("email")):
            if e:
                out.append(("mailto:" + str(e), (str(e),), True))
        if cv.get("phone"):
            out.append(("tel:" + re.sub(r"[^\d+]", "", str(cv["phone"])), None, False))
        if cv.get("website"):
            w = str(cv["website"])
            out.append((w, (strip_scheme(w), w), True))
        for s in as_list(cv.get("social_networks")):
            net, user = s.get("network"), str(s.get("username", ""))
            if net == "Mastodon":
                _, name, host = user.split("@")
                url = f"https://{host}/@{name}"
            else:
                url = SOCIAL_PREFIX[net] + user
            out.append((url, (user, strip_scheme(url), url), True))
        for c in as_list(cv.get("custom_connections")):
            if c.get("url"):
                out.append((str(c["url"]), (plain(str(c.get("placeholder", ""))),), False))
    sections = cv.get("sections") or {}
    for e in entries(sections):
        if e.get("doi"):
            out.append(("https://doi.org/" + str(e["doi"]), (str(e["doi"]),), True))
        elif e.get("url"):
            u = str(e["url"])
            out.append((u, (strip_scheme(u), u), True))
    for text, url in markdown_links(sections):
        out.append((url, (text,), False))
    return out


def normalize_uri(uri):
    # RFC 3966 visual separators in tel: URIs carry no meaning.
    if uri.startswith("tel:"):
        uri = "tel:" + re.sub(r"[-.() ]", "", uri[4:])
    # A PDF URI is 7-bit ASCII (PDF 1.7, 12.6.4.7): other bytes are percent-encoded.
    return "".join(c if 0x20 < ord(c) < 0x7F else
                   "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in uri)


# ---- the PDF --------------------------------------------------------------------------------

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=120, **kw)


def pdf_string(v):
    """A string from qpdf's JSON v2 ("u:text" or "b:hex")."""
    if not isinstance(v, str):
        return v
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be")
        return raw.decode("latin-1")
    return v


class Pdf:
    """The object graph of a PDF, from `qpdf --json=2`."""

    def __init__(self, path):
        self.path = path
        r = run(["qpdf", "--json=2", "--json-key=qpdf", "--json-key=pages",
                 "--json-key=outlines", path])
        d = json.loads(r.stdout)
        self.header = d["qpdf"][0]
        self.objects = d["qpdf"][1]
        self.pages = d["pages"]
        self.outlines = d["outlines"]
        trailer = self.objects["trailer"]["value"]
        self.catalog = self.get(trailer["/Root"])
        self.info = self.get(trailer.get("/Info")) or {}

    def get(self, v):
        """Resolves an indirect reference ("N G R"); other values pass through."""
        if isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
            o = self.objects.get("obj:" + v)
            if o is None:
                return None
            return o["value"] if "value" in o else o["stream"]["dict"]
        return v

    def stream_data(self, ref):
        m = re.fullmatch(r"(\d+) (\d+) R", ref)
        r = run(["qpdf", f"--show-object={m.group(1)},{m.group(2)}", "--filtered-stream-data",
                 self.path])
        return r.stdout

    def links(self):
        """[(page index, annotation dict)] of every /Link annotation."""
        out = []
        for i, p in enumerate(self.pages):
            page = self.get(p["object"])
            for a in self.get(page.get("/Annots")) or []:
                a = self.get(a)
                if a.get("/Subtype") == "/Link":
                    out.append((i, a))
        return out


def words_by_page(pdf_path):
    """[(page height, [(x0, y0, x1, y1, word)])] per page, top-left origin, as
    `pdftotext -bbox` reads the text (it honours /ActualText)."""
    r = run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf_path, "-"])
    pages = []
    for chunk in r.stdout.decode("utf-8").split("<page ")[1:]:
        h = float(re.search(r'height="([\d.]+)"', chunk).group(1))
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                            r'yMax="([\d.]+)">(.*?)</word>', chunk)]
        pages.append((h, words))
    return pages


def glyphs_by_page(pdf_path):
    """Like words_by_page, but one box per drawn glyph as MuPDF sees the page (it ignores
    /ActualText, so the second half of a word broken across lines is there too)."""
    r = run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf_path])
    root = ET.fromstring(r.stdout)
    pages = []
    for page in root.iter("page"):
        glyphs = []
        for ch in page.iter("char"):
            if not ch.get("c", "").strip():
                continue
            q = [float(v) for v in ch.get("quad").split()]
            glyphs.append((min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]), ch.get("c")))
        pages.append((float(page.get("height")), glyphs))
    return pages


def words_under(rect, page_height, words):
    """Words that the PDF rectangle [x0 y0 x1 y1] (bottom-left origin) covers."""
    x0, x1, y0, y1 = rect[0], rect[2], rect[1], rect[3]
    x0, x1 = min(x0, x1), max(x0, x1)
    top, bottom = page_height - max(y0, y1), page_height - min(y0, y1)
    out = []
    for wx0, wy0, wx1, wy1, w in words:
        ox = min(x1, wx1) - max(x0, wx0)
        oy = min(bottom, wy1) - max(top, wy0)
        # A ligature's second character has a box of no width at the end of the first.
        ox_ok = ox > 0.5 * min(x1 - x0, wx1 - wx0) if wx1 > wx0 else x0 <= wx0 <= x1
        if ox_ok and oy > 0.5 * min(bottom - top, wy1 - wy0):
            out.append((wx0, wy0, wx1, wy1, w, max(ox, 0.0)))
    return out


def squash(s):
    return re.sub(r"[\s\-\u00ad\u2010]", "", s)


def pdf_date_iso(v):
    """"D:YYYYMMDDHHmmSS[Z|+HH'mm']" -> UTC ISO 8601 with Z."""
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|([+-])(\d\d)'?(\d\d)'?)?", v)
    if not m:
        return "unparseable: " + v
    t = datetime.datetime(*map(int, m.groups()[:6]), tzinfo=datetime.timezone.utc)
    if m.group(8):
        off = datetime.timedelta(hours=int(m.group(9)), minutes=int(m.group(10)))
        t -= off if m.group(8) == "+" else -off
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def xmp_date_iso(v):
    t = datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
    if t.tzinfo is None:
        return "no time zone: " + v
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/"}


def xmp_fields(pdf):
    """dc:title, dc:creator and xmp:CreateDate of the catalog's XMP stream (None if absent)."""
    ref = pdf.catalog.get("/Metadata")
    if not ref:
        return None
    root = ET.fromstring(pdf.stream_data(ref))
    out = {}
    for tag, key in (("dc:title", "title"), ("dc:creator", "creator")):
        e = root.find(f".//{tag}//rdf:li", NS)
        out[key] = e.text if e is not None else None
    e = root.find(".//xmp:CreateDate", NS)
    if e is not None:
        out["create"] = e.text
    else:  # the attribute form of a simple property
        for d in root.iter(f"{{{NS['rdf']}}}Description"):
            if f"{{{NS['xmp']}}}CreateDate" in d.attrib:
                out["create"] = d.attrib[f"{{{NS['xmp']}}}CreateDate"]
    return out


# ---- checks ---------------------------------------------------------------------------------

class Report:
    def __init__(self, path):
        self.path = path
        self.failures = {}  # check -> [message]

    def fail(self, check, msg):
        self.failures.setdefault(check, []).append(msg)


def check_fonts(pdf_path, rep):
    out = run(["pdffonts", pdf_path]).stdout.decode().splitlines()[2:]
    if not out:
        rep.fail("fonts", "pdffonts lists no font")
    for line in out:
        cols = line.split()
        emb, sub, uni = cols[-5:-2]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            rep.fail("fonts", f"font not embedded+subset+ToUnicode (emb/sub/uni={emb}/{sub}/{uni}): {line}")


def check_qpdf(pdf_path, rep):
    r = run(["qpdf", "--check", pdf_path])
    text = (r.stdout + r.stderr).decode(errors="replace")
    if r.returncode != 0 or r.stderr or "WARNING" in text.upper() or \
            "No syntax or stream encoding errors found" not in text:
        rep.fail("qpdf", f"qpdf --check exit {r.returncode}:\n{text}")


def check_links(doc, pdf, pdf_path, rep):
    pages = words_by_page(pdf_path)
    glyph_pages = glyphs_by_page(pdf_path)
    drawn_text = {}  # uri -> [glyphs drawn under each rectangle]
    found = {}  # uri -> [text under each rectangle]
    for i, a in pdf.links():
        action = pdf.get(a.get("/A")) or {}
        uri = pdf_string(action.get("/URI"))
        if action.get("/S") != "/URI" or not uri:
            rep.fail("links", f"page {i + 1}: link without a URI action: {a}")
            continue
        border = pdf.get(a.get("/Border"))
        bs = pdf.get(a.get("/BS")) or {}
        if not ((border is not None and len(border) >= 3 and border[2] == 0) or bs.get("/W") == 0):
            rep.fail("links", f"{uri}: link has a border (/Border {border}, /BS {bs})")
        rect = [float(x) for x in pdf.get(a["/Rect"])]
        height, glyphs = glyph_pages[i]
        drawn = words_under(rect, height, glyphs)
        drawn_text.setdefault(normalize_uri(uri), []).append(
            "".join(g[4] for g in sorted(drawn, key=lambda g: g[0])))
        covered = sum(g[5] for g in drawn)
        if covered < 0.6 * abs(rect[2] - rect[0]):
            rep.fail("links", f"{uri}: rectangle {rect} on page {i + 1} is not over text "
                     f"(glyphs under it: {''.join(g[4] for g in drawn)!r})")
        height, words = pages[i]
        under = words_under(rect, height, words)
        found.setdefault(normalize_uri(uri), []).append(" ".join(w[4] for w in under))

    expected = expected_links(doc)
    want = {normalize_uri(u) for u, _, _ in expected}
    for u in sorted(want - set(found)):
        rep.fail("links", f"no link to {u}")
    for u in sorted(set(found) - want):
        rep.fail("links", f"unexpected link to {u}")
    for u, texts, verbatim in expected:
        u = normalize_uri(u)
        if not texts or u not in found:
            continue
        # What a reader copies (pdftotext follows /ActualText), line breaks aside.
        shown = squash("".join(found[u]))
        if not any(squash(t) in shown for t in texts):
            rep.fail("links", f"{u}: text under the link is {found[u]!r}, expected it to "
                     f"show {texts[0]!r}")
        # What a reader sees: an address or URL broken across lines gets no hyphen.
        drawn = re.sub(r"\s", "", "".join(drawn_text[u]))
        if verbatim and not any(re.sub(r"\s", "", t) in drawn for t in texts):
            rep.fail("links-drawn", f"{u}: the glyphs drawn under the link read "
                     f"{drawn_text[u]!r}, expected {texts[0]!r} unaltered (no hyphen added "
                     f"at a line break)")
    return set(found)


def check_rendercv_links(path, vitae_uris, rep):
    """RenderCV's own PDF of the same source links the same targets."""
    reference = os.path.splitext(path)[0] + ".pdf"
    if not os.path.exists(reference):
        return
    ref = Pdf(reference)
    theirs = set()
    for _, a in ref.links():
        uri = pdf_string((ref.get(a.get("/A")) or {}).get("/URI"))
        if uri:
            theirs.add(normalize_uri(uri))
    if theirs != vitae_uris:
        rep.fail("rendercv", f"link targets differ from RenderCV's PDF: only in RenderCV's "
                 f"{sorted(theirs - vitae_uris)}, only in vitae's {sorted(vitae_uris - theirs)}")


def check_outline(doc, pdf, title, rep):
    sections = list(((doc.get("cv") or {}).get("sections") or {}).keys())
    want = [section_title(str(k)) for k in sections]
    items = pdf.outlines
    # A single root bookmark (the name, as RenderCV has it, or the document title) may
    # hold the sections.
    name = (doc.get("cv") or {}).get("name")
    if len(items) == 1 and items[0].get("kids") and items[0]["title"] in (name, title) \
            and items[0]["title"] not in want:
        items = items[0]["kids"]
    got = [it["title"] for it in items]
    if got != want:
        rep.fail("outline", f"bookmarks {got}, expected {want}")
    pages = [p["object"] for p in pdf.pages]
    words = words_by_page(pdf.path)
    for it in items:
        if it.get("kids"):
            rep.fail("outline", f"section bookmark {it['title']!r} has children")
        dest = it.get("dest")
        if not dest or dest[0] not in pages or len(dest) < 4 or dest[1] != "/XYZ":
            rep.fail("outline", f"bookmark {it['title']!r}: destination {dest} is not "
                     "[page /XYZ left top zoom] on a page of the document")
            continue
        # The heading must be on the destination's page, just below its top.
        height, page_words = words[pages.index(dest[0])]
        top = height - float(dest[3])
        first = squash(it["title"].split()[0]).lower() if it["title"].split() else ""
        near = [w for w in page_words if squash(w[4]).lower().startswith(first)
                and top - 2 <= w[1] <= top + 40]
        if not near:
            rep.fail("outline", f"bookmark {it['title']!r}: no heading on page "
                     f"{pages.index(dest[0]) + 1} within 40 pt below its destination (y={top:.1f})")


def expected_title(doc):
    name = str((doc.get("cv") or {}).get("name") or "")
    t = (doc.get("settings") or {}).get("pdf_title")
    return (t if t else "NAME - CV").replace("NAME", name)


def check_metadata(doc, pdf, pdf_path, rep):
    info = {}
    for line in run(["pdfinfo", "-enc", "UTF-8", pdf_path]).stdout.decode("utf-8").splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    name = str((doc.get("cv") or {}).get("name") or "")
    title = expected_title(doc)
    if info.get("Title") != title:
        rep.fail("metadata", f"Title {info.get('Title')!r}, expected {title!r}")
    if info.get("Author") != name:
        rep.fail("metadata", f"Author {info.get('Author')!r}, expected {name!r}")
    if not info.get("Creator", "").startswith("vitae"):
        rep.fail("metadata", f"Creator {info.get('Creator')!r} does not start with 'vitae'")
    if info.get("PDF version") != "1.7":
        rep.fail("metadata", f"PDF version {info.get('PDF version')!r}, expected 1.7")
    with open(pdf_path, "rb") as f:
        if not f.read(9).startswith(b"%PDF-1.7"):
            rep.fail("metadata", "file header is not %PDF-1.7")
    language = str(((doc.get("locale") or {}).get("language")) or "english")
    want_lang = LANG_TAGS.get(language, language)
    lang = pdf_string(pdf.catalog.get("/Lang"))
    if lang != want_lang:
        rep.fail("metadata", f"catalog /Lang {lang!r}, expected {want_lang!r} (locale {language})")
    xmp = xmp_fields(pdf)
    if xmp is None:
        rep.fail("metadata", "no XMP /Metadata stream in the catalog")
    else:
        if xmp.get("title") != title:
            rep.fail("metadata", f"XMP dc:title {xmp.get('title')!r}, expected {title!r}")
        if xmp.get("creator") != name:
            rep.fail("metadata", f"XMP dc:creator {xmp.get('creator')!r}, expected {name!r}")
    return xmp


def fixed_current_date(doc):
    """settings.current_date as YYYY-MM-DD when it fixes a date, else None ('today', absent)."""
    v = (doc.get("settings") or {}).get("current_date")
    if isinstance(v, datetime.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", v):
        return v if len(v) == 10 else v + "-01"
    return None


def check_dates(pdf, when, rep, want_date):
    """Info CreationDate and XMP CreateDate: `want_date` is an ISO instant, a YYYY-MM-DD
    prefix, or None for "no date at all"."""
    created = pdf_string(pdf.info.get("/CreationDate"))
    xmp = xmp_fields(pdf) or {}
    info_iso = pdf_date_iso(created) if created else None
    xmp_iso = xmp_date_iso(xmp["create"]) if xmp.get("create") else None
    if want_date is None:
        if created or xmp.get("create"):
            rep.fail("dates", f"{when}: dates present ({created!r}, XMP {xmp.get('create')!r}) "
                     "although nothing fixes one")
        return
    for label, got in (("Info CreationDate", info_iso), ("XMP xmp:CreateDate", xmp_iso)):
        if got is None or not got.startswith(want_date):
            rep.fail("dates", f"{when}: {label} is {got!r}, expected {want_date}")


def check_codepoints(pdf_path, rep):
    text = run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"]).stdout.decode("utf-8")
    bad = sorted({f"U+{ord(c):04X}" for c in text if 0xFB00 <= ord(c) <= 0xFB06 or ord(c) == 0x2011})
    if bad:
        rep.fail("codepoints", f"pdftotext output contains {', '.join(bad)}")


def base_env():
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["TZ"] = "UTC"
    env["LC_ALL"] = "C.UTF-8"
    return env


def locale_variant():
    """The locale change for the determinism check: de_DE.UTF-8 if installed, else LANG=C."""
    names = run(["locale", "-a"]).stdout.decode(errors="replace").split()
    if any(n.lower() in ("de_de.utf8", "de_de.utf-8") for n in names):
        return {"LC_ALL": "de_DE.UTF-8"}
    return {"LC_ALL": None, "LANG": "C"}


def env_with(changes):
    env = base_env()
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def build(vitae, src, out, env):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    r = run([vitae, "build", src, "-o", out], env=env)
    if r.returncode != 0:
        return None, r.stderr.decode(errors="replace")
    with open(out, "rb") as f:
        return f.read(), None


def check_determinism(vitae, path, tmp, base, rep):
    tz = {"TZ": "Pacific/Kiritimati"}
    loc = locale_variant()
    other = os.path.join(tmp, "elsewhere", "another name.pdf")
    data, err = build(vitae, path, other, env_with({**tz, **loc}))
    if data == base:
        return
    if err:
        rep.fail("determinism", f"second build failed: {err}")
        return
    # Something differs: find out which change is to blame.
    for label, out, changes in (("a second build", "again.pdf", {}),
                                ("another output file name", "other name.pdf", {}),
                                ("TZ=Pacific/Kiritimati", "again.pdf", tz),
                                (f"locale {loc}", "again.pdf", loc)):
        d, _ = build(vitae, path, os.path.join(tmp, "again", out), env_with(changes))
        if d != base:
            rep.fail("determinism", f"{label} changes the bytes of the PDF")
    if not rep.failures.get("determinism"):
        rep.fail("determinism", "output name + TZ + locale together change the PDF")


def check_file(vitae, path, tmp_root, key=None):
    """All checks of one source file; an exception (unreadable PDF, tool failure) is a failure."""
    rep = Report(key or path)
    try:
        return checks_of_file(vitae, path, tmp_root, rep)
    except Exception as e:  # noqa: BLE001 - any crash of a check is reported, not raised
        rep.fail("crash", f"{type(e).__name__}: {e}")
        return rep


def checks_of_file(vitae, path, tmp_root, rep):
    tmp = tempfile.mkdtemp(dir=tmp_root)
    doc = cv_source(vitae, path)
    pdf_path = os.path.join(tmp, "cv.pdf")
    base, err = build(vitae, path, pdf_path, base_env())
    if base is None:
        rep.fail("build", f"vitae build failed:\n{err}")
        return rep
    check_fonts(pdf_path, rep)
    check_qpdf(pdf_path, rep)
    pdf = Pdf(pdf_path)
    uris = check_links(doc, pdf, pdf_path, rep)
    check_rendercv_links(path, uris, rep)
    title = expected_title(doc)
    check_outline(doc, pdf, title, rep)
    check_metadata(doc, pdf, pdf_path, rep)
    check_dates(pdf, "without SOURCE_DATE_EPOCH", rep, fixed_current_date(doc))
    check_codepoints(pdf_path, rep)
    if os.path.normpath(path) == os.path.normpath(REFERENCE_CV) and len(base) > MAX_REFERENCE_BYTES:
        rep.fail("size", f"{len(base)} bytes, more than {MAX_REFERENCE_BYTES}")

    epoch_pdf = os.path.join(tmp, "epoch", "cv.pdf")
    data, err = build(vitae, path, epoch_pdf, env_with({"SOURCE_DATE_EPOCH": str(EPOCH)}))
    if data is None:
        rep.fail("dates", f"build with SOURCE_DATE_EPOCH failed:\n{err}")
    else:
        check_dates(Pdf(epoch_pdf), f"SOURCE_DATE_EPOCH={EPOCH}", rep, EPOCH_ISO)
    check_determinism(vitae, path, tmp, base, rep)
    return rep


def main():
    vitae = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vitae"
    files = sorted(p for p in glob.glob("data/examples/*") if p.endswith((".yaml", ".yml", ".json")))
    files += sorted(glob.glob(CORPUS + "/**/*.yaml", recursive=True))
    if REFERENCE_CV not in files:
        print(f"missing reference CV {REFERENCE_CV}")
        return 1
    failures, expected_seen = [], set()
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(p, p) for p in files]
        for key, text in SYNTHETIC.items():
            path = os.path.join(tmp, key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            jobs.append((key, path))
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            reports = list(pool.map(lambda j: check_file(vitae, j[1], tmp, j[0]), jobs))
    for rep in reports:
        for check, msgs in sorted(rep.failures.items()):
            key = f"{rep.path}::{check}"
            if key in EXPECTED_FAILURES:
                expected_seen.add(key)
                print(f"expected failure {key} ({EXPECTED_FAILURES[key]}):")
                for m in msgs:
                    print(f"    {m}")
                continue
            for m in msgs:
                failures.append(f"{key}: {m}")
    for key in sorted(set(EXPECTED_FAILURES) - expected_seen):
        failures.append(f"{key}: listed in EXPECTED_FAILURES but passes now; remove the entry")
    for f in failures:
        print(f)
    print(f"{len(jobs)} files, {len(failures)} failures, {len(expected_seen)} expected failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(with_corpus_status(main()))
