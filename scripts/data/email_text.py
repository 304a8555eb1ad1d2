"""Clean prose out of raw RFC 822 e-mails (the SpamAssassin public corpus) for the silver corpus.

One document per e-mail: its subject (list tags and `Re:`/`Fwd:` prefixes dropped) and the
paragraphs of its text/plain body. Dropped: headers, HTML-only mails (no text/plain part),
attachments, quoted lines (`>`), attribution lines (`... wrote:`), everything from a signature
marker (`-- `), a list footer rule (`____`) or a forwarded/original-message marker on, PGP
armour, forwarded header lines (`From:`, `To:` ...), URL-only lines and lines that are mostly
symbols or digits (tables, code, ASCII art). Paragraphs that recur in several e-mails (list
boilerplate) are dropped by `dedupe`, as are e-mails whose whole text repeats another's.
"""

from __future__ import annotations

import email
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from email.message import Message
from pathlib import Path

# any of these lines ends the useful text of a body
_END = re.compile(
    r"^(--\s*$|_{5,}\s*$|-{5,}\s*(Original Message|Forwarded|Begin forwarded)|"
    r"Begin forwarded message|-----BEGIN PGP SIGNATURE|=-=-=|Yahoo! Groups Sponsor|"
    r"To unsubscribe|Sent by:|This sf\.net email is sponsored)", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"(wrote|writes|said)\s*:\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^(From|To|Cc|Bcc|Subject|Date|Sent|Reply-To|Message-ID|"
                          r"Organization|X-[\w-]+)\s*:", re.IGNORECASE)
_URL = re.compile(r"(https?://|ftp://|www\.|mailto:)\S+", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,30}\]\s*)+",
                             re.IGNORECASE)
_NAME_QUOTE = re.compile(r"^[A-Za-z]{1,15}>")  # exmh/supercite style quoting: `Robert> ...`
_WS = re.compile(r"\s+")
MIN_WORDS = 3
MIN_ALPHA = 0.6  # share of a line's non-space characters that must be letters


def _decode(part: Message) -> str | None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset() or "latin-1"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("latin-1", errors="replace")


def plain_bodies(msg: Message) -> list[str]:
    """The decoded text/plain parts of a message that are not attachments."""
    out = []
    for part in msg.walk():
        if part.get_content_type() != "text/plain":
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        text = _decode(part)
        if text:
            out.append(text)
    return out


def _keep_line(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith((">", "|", "-----BEGIN PGP", "Hash:")) or _NAME_QUOTE.match(stripped):
        return False
    if _ATTRIBUTION.search(stripped) or _HEADER_LINE.match(stripped):
        return False
    rest = _URL.sub("", stripped).strip(" <>()[]-*:.,")
    if not rest:  # URL-only (or empty after the URLs)
        return False
    chars = [c for c in stripped if not c.isspace()]
    return sum(c.isalpha() for c in chars) >= MIN_ALPHA * len(chars)


def body_paragraphs(body: str) -> list[str]:
    """The prose paragraphs of one text/plain body, cleaned (see the module docstring)."""
    pars: list[str] = []
    current: list[str] = []
    in_pgp = False
    for line in body.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("-----BEGIN PGP SIGNED MESSAGE"):
            continue
        if stripped.startswith("-----BEGIN PGP"):
            in_pgp = True
        if in_pgp:
            in_pgp = not stripped.startswith("-----END PGP")
            continue
        if _END.match(line):
            break
        if not stripped:
            if current:
                pars.append(" ".join(current))
                current = []
            continue
        if _keep_line(line):
            current.append(stripped)
        elif current:  # a dropped line breaks the paragraph
            pars.append(" ".join(current))
            current = []
    if current:
        pars.append(" ".join(current))
    pars = [_WS.sub(" ", p.replace("\u00a0", " ")).strip() for p in pars]
    return [p for p in pars if len(p.split()) >= MIN_WORDS]


def subject_line(msg: Message) -> str | None:
    """The subject without list tags and reply/forward prefixes, if it has enough words."""
    raw = msg.get("Subject")
    if raw is None:
        return None
    try:
        parts = email.header.decode_header(str(raw))
        subject = "".join(p.decode(c or "latin-1", errors="replace") if isinstance(p, bytes)
                          else p for p, c in parts)
    except (LookupError, ValueError):
        subject = str(raw)
    subject = _WS.sub(" ", _SUBJECT_PREFIX.sub("", subject)).strip()
    if len(subject.split()) < MIN_WORDS or not _keep_line(subject):
        return None
    return subject


def email_record(path: Path) -> tuple[str | None, list[str]]:
    """(subject, body paragraphs) of one raw e-mail file."""
    msg = email.message_from_bytes(path.read_bytes())
    pars = [p for body in plain_bodies(msg) for p in body_paragraphs(body)]
    return subject_line(msg), pars


def dedupe(records: Iterable[tuple[str, str | None, list[str]]], max_repeats: int = 2,
           ) -> Iterator[tuple[str, list[str]]]:
    """(id, paragraphs) per e-mail: boilerplate paragraphs and repeated e-mails dropped.

    A paragraph found in more than `max_repeats` e-mails is boilerplate (footers, ads); an
    e-mail whose remaining text equals an earlier one's is a duplicate (cross-posts).
    """
    records = list(records)
    counts = Counter(p for _id, _subj, pars in records for p in set(pars))
    seen: set[str] = set()
    for doc_id, subject, pars in records:
        kept = [p for p in pars if counts[p] <= max_repeats]
        if not kept:
            continue
        key = hashlib.sha256("\n".join(kept).encode()).hexdigest()
        if key in seen:
            continue
        seen.add(key)
        yield doc_id, ([subject] if subject else []) + kept
