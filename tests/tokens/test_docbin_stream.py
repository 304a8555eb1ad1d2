"""Streaming DocBin files: DocBinWriter in chunks, DocBin.open for streaming and random access."""

import pytest

from plait.errors import FormatError, InputError
from plait.tokens import Doc, DocBin
from plait.tokens.docbin_stream import DocBinWriter
from plait.vocab import Vocab


def docs(vocab: Vocab, n: int) -> list[Doc]:
    return [Doc(vocab, words=[f"doc{i}", "has", "tag"], tags=["A", "B", f"T{i % 3}"])
            for i in range(n)]


def test_writer_streams_more_docs_than_one_chunk(tmp_path):
    vocab = Vocab()
    path = tmp_path / "big.plaitdb"
    with DocBinWriter(path, chunk_size=4) as writer:
        for doc in docs(vocab, 11):
            writer.add(doc)
        assert not path.exists()  # appears only when complete
    with DocBin.open(path) as f:
        assert len(f) == 11
        assert len(f._chunks) == 3
        out = list(f.get_docs(Vocab()))
    assert [d[0].text for d in out] == [f"doc{i}" for i in range(11)]
    assert [d[2].tag_ for d in out] == [f"T{i % 3}" for i in range(11)]


def test_streamed_file_reads_as_a_whole_docbin(tmp_path):
    vocab = Vocab()
    path = tmp_path / "c.plaitdb"
    with DocBinWriter(path, chunk_size=3) as writer:
        for doc in docs(vocab, 7):
            writer.add(doc)
    db = DocBin().from_disk(path)
    assert [d.text for d in db.get_docs(vocab)] == [d.text for d in docs(vocab, 7)]


def test_open_gives_random_access_by_chunk(tmp_path):
    vocab = Vocab()
    path = tmp_path / "r.plaitdb"
    DocBin(docs=docs(vocab, 9)).to_disk(path)
    with DocBinWriter(tmp_path / "s.plaitdb", chunk_size=2) as writer:
        for doc in docs(vocab, 9):
            writer.add(doc)
    for p in (path, tmp_path / "s.plaitdb"):
        with DocBin.open(p) as f:
            assert f[5][0].text == "doc5" and f[-1][0].text == "doc8"
            assert f.get_doc(0, vocab)[2].tag_ == "T0"


def test_writer_error_leaves_no_file(tmp_path):
    path = tmp_path / "x.plaitdb"
    with pytest.raises(RuntimeError), DocBinWriter(path) as writer:
        writer.add(Doc(Vocab(), words=["a"]))
        raise RuntimeError("boom")
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_writer_refuses_adds_after_close(tmp_path):
    writer = DocBinWriter(tmp_path / "y.plaitdb")
    writer.close()
    with pytest.raises(InputError, match="E363"):
        writer.add(Doc(Vocab(), words=["a"]))


def test_writer_rejects_a_bad_chunk_size(tmp_path):
    with pytest.raises(InputError, match="E366"):
        DocBinWriter(tmp_path / "z.plaitdb", chunk_size=0)


def test_open_rejects_a_truncated_file(tmp_path):
    path = tmp_path / "t.plaitdb"
    DocBin(docs=docs(Vocab(), 3)).to_disk(path)
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(FormatError, match="E35"):
        DocBin.open(path)
