"""Tests of scripts/data/email_text.py (e-mails cleaned to prose) on e-mails written for them."""

from __future__ import annotations

from pathlib import Path

from data_scripts import load_script

email_text = load_script("email_text")
fetch = load_script("fetch_sources")

PLAIN = """\
From someone@example.org  Thu Aug 22 12:36:23 2002
Return-Path: <someone@example.org>
From: Ann Example <ann@example.org>
Subject: Re: [Tools-list] The build fails on Debian again
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Bob Smith wrote:
> did you try the new compiler?
> it should work now

I tried it on Monday in Dublin and the build still fails with
the same error. Caf=E9 owners know nothing about it.

http://www.example.org/bugs/1234

-----BEGIN PGP SIGNATURE-----
iD8DBQE9ZQ6+ABCDEF
-----END PGP SIGNATURE-----
The release is planned for next week at Red Hat.

--=20
Ann, who signs her mails
_______________________________________________
Tools-list mailing list
"""

HTML_ONLY = """\
From: shop@example.com
Subject: Buy the best widgets today
Content-Type: text/html

<html><body><p>Buy our widgets now, they are the best.</p></body></html>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    return path


def test_email_record_keeps_the_prose_and_drops_quotes_urls_pgp_and_signature(tmp_path):
    subject, pars = email_text.email_record(_write(tmp_path, "a.txt", PLAIN))
    assert subject == "The build fails on Debian again"
    assert pars == [
        ("I tried it on Monday in Dublin and the build still fails with the same error. "
         "Café owners know nothing about it."),
        "The release is planned for next week at Red Hat.",
    ]


def test_email_record_skips_html_only_messages(tmp_path):
    subject, pars = email_text.email_record(_write(tmp_path, "b.txt", HTML_ONLY))
    assert pars == []
    assert subject == "Buy the best widgets today"


def test_body_paragraphs_drops_symbol_lines_and_name_quotes():
    body = ("Robert> quoted in the exmh style here\n"
            "+-----+-----+-----+\n"
            "| 1 | 2 | 3 |\n"
            "We fixed the table code in the end.\n")
    assert email_text.body_paragraphs(body) == ["We fixed the table code in the end."]


def test_body_paragraphs_stops_at_a_forwarded_message():
    body = ("Here is what they said to me.\n\n"
            "-----Original Message-----\n"
            "Everything below is someone else's mail.\n")
    assert email_text.body_paragraphs(body) == ["Here is what they said to me."]


def test_subject_line_drops_list_tags_and_reply_prefixes():
    msg = email_text.email.message_from_string("Subject: RE: Fwd: [ILUG] Optimizing for Pentium\n\n")
    assert email_text.subject_line(msg) == "Optimizing for Pentium"
    short = email_text.email.message_from_string("Subject: Re: hi\n\n")
    assert email_text.subject_line(short) is None


def test_dedupe_drops_boilerplate_paragraphs_and_repeated_emails():
    footer = "Sponsored by the example list service today."
    records = [
        ("a", "First subject line here", ["A message of its own words.", footer]),
        ("b", None, ["Another message with other words.", footer]),
        ("c", None, ["A third message altogether.", footer]),
        ("d", None, ["A message of its own words.", footer]),  # a cross-post of a
    ]
    out = list(email_text.dedupe(records))
    assert out == [
        ("a", ["First subject line here", "A message of its own words."]),
        ("b", ["Another message with other words."]),
        ("c", ["A third message altogether."]),
    ]


def test_email_docs_read_the_package_layout_per_group(tmp_path):
    for group in (*fetch.EMAIL_GROUPS, *fetch.SPAM_GROUPS):
        (tmp_path / group).mkdir()
    _write(tmp_path / "easy-ham-1", "00001.abc.txt", PLAIN)
    _write(tmp_path / "spam-1", "00007.def.txt", PLAIN.replace("Monday", "Friday"))
    ham = list(fetch.email_docs(tmp_path))
    spam = list(fetch.email_docs(tmp_path, "spam", fetch.SPAM_GROUPS))
    assert [(d["source"], d["doc_id"]) for d in ham] == [("email", "easy-ham-1/00001")]
    assert [(d["source"], d["doc_id"]) for d in spam] == [("spam", "spam-1/00007")]
    assert ham[0]["paragraphs"][0] == "The build fails on Debian again"
    assert "Friday" in spam[0]["paragraphs"][1]
