"""Fixtures for the visualizer tests: docs to show, and a headless-chromium screenshot reader."""

import shutil
import struct
import subprocess
import zlib

import pytest

import plait
from plait.tokens import Doc, Span

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def ent_doc():
    nlp = plait.blank("en")
    doc = nlp.make_doc("Apple opens a store in London .")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 5, 6, label="GPE")]
    return doc


@pytest.fixture
def dep_doc():
    nlp = plait.blank("en")
    return Doc(nlp.vocab, words=["The", "big", "dog", "barked", "."],
               pos=["DET", "ADJ", "NOUN", "VERB", "PUNCT"], tags=["DT", "JJ", "NN", "VBD", "."],
               heads=[2, 2, 3, 3, 3], deps=["det", "amod", "nsubj", "ROOT", "punct"])


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG: (width, height, rows of raw pixel bytes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = prev[i]
            up_left = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line) if channels == 3 else bytes(
            b for k in range(0, stride, 4) for b in line[k : k + 3]))
        prev = line
    return width, height, rows


def colour_counts(rows: list[bytes]) -> dict[tuple[int, int, int], int]:
    counts: dict[tuple[int, int, int], int] = {}
    for row in rows:
        for k in range(0, len(row), 3):
            rgb = (row[k], row[k + 1], row[k + 2])
            counts[rgb] = counts.get(rgb, 0) + 1
    return counts


@pytest.fixture
def screenshot(tmp_path):
    """screenshot(url) -> {rgb: pixel count} of a headless-chromium screenshot of the page."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")

    def take(url: str, size: str = "900,300") -> dict:
        png = tmp_path / "shot.png"
        cmd = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
            f"--window-size={size}", url,
        ]
        subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        assert png.exists(), "chromium wrote no screenshot"
        _, _, rows = read_png(png.read_bytes())
        return colour_counts(rows)

    return take


def hex_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
