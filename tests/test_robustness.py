"""Damaged input to every loader gives a coded plait error: never a crash, hang or wrong result."""

import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plait
from plait.errors import PlaitError
from plait.strings import StringStore
from plait.tokens import Doc, DocBin
from plait.vocab import Vocab


def sample_doc(vocab: Vocab) -> Doc:
    doc = Doc(vocab, words=["Ada", "wrote", "code", "."], tags=["NNP", "VBD", "NN", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              ents=["B-PERSON", "O", "O", "O"])
    doc.cats = {"TECH": 1.0}
    doc.spans["sc"] = [doc[0:1]]
    doc.user_data["k"] = (1, "v")
    return doc


def sources():
    vocab = Vocab()
    nlp = plait.blank("en")
    nlp.vocab.strings.add("something")
    return {
        "docbin": (DocBin(docs=[sample_doc(vocab)] * 3, store_user_data=True).to_bytes(),
                   lambda b: list(DocBin().from_bytes(b).get_docs(Vocab()))),
        "docbin_zlib": (DocBin(docs=[sample_doc(vocab)], compression="zlib").to_bytes(),
                        lambda b: list(DocBin().from_bytes(b).get_docs(Vocab()))),
        "strings": (StringStore(["a", "b"]).to_bytes(), lambda b: StringStore().from_bytes(b)),
        "vocab": (nlp.vocab.to_bytes(), lambda b: Vocab().from_bytes(b)),
        "pipeline": (nlp.to_bytes(), plait.from_bytes),
        "language": (nlp.to_bytes(), lambda b: plait.blank("en").from_bytes(b)),
        "doc": (sample_doc(vocab).to_bytes(), lambda b: Doc(Vocab()).from_bytes(b)),
    }


SOURCES = sources()
# loaders whose formats carry checksums: every change must be detected
CHECKSUMMED = {"docbin", "docbin_zlib"}


def check(name: str, data: bytes) -> None:
    original, load = SOURCES[name]
    try:
        result = load(data)
    except PlaitError:
        return
    if name in CHECKSUMMED and data != original:
        pytest.fail(f"{name}: damaged data loaded without an error: {result!r}")


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_truncated_data_is_a_coded_error(name):
    data = SOURCES[name][0]
    for cut in sorted({0, 1, 2, 5, 8, 16, len(data) // 2, len(data) - 1}):
        check(name, data[:cut])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SOURCES)), seed=st.integers(0, 2**32 - 1),
       flips=st.integers(1, 4))
def test_bit_flipped_data_is_a_coded_error(name, seed, flips):
    data = bytearray(SOURCES[name][0])
    rng = random.Random(seed)
    for _ in range(flips):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    check(name, bytes(data))


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(SOURCES)), data=st.binary(max_size=300))
def test_random_bytes_are_a_coded_error(name, data):
    check(name, data)


@settings(max_examples=30, deadline=None)
@given(data=st.binary(min_size=0, max_size=200))
def test_random_docbin_with_a_valid_preamble_is_a_coded_error(data):
    from plait.tokens import docbin_format as fmt

    check("docbin", fmt.preamble() + data)


@pytest.fixture(scope="module")
def saved_pipeline(tmp_path_factory):
    path = tmp_path_factory.mktemp("robust") / "pipeline"
    nlp = plait.blank("en")
    nlp.vocab.strings.add("kept")
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize("damage", ["truncate", "flip", "random", "empty"])
def test_load_of_a_damaged_pipeline_file_is_a_coded_error(saved_pipeline, tmp_path, damage):
    files = sorted(p for p in saved_pipeline.rglob("*") if p.is_file())
    for i, victim in enumerate(files):
        copy = tmp_path / f"{damage}{i}"
        shutil.copytree(saved_pipeline, copy)
        target = copy / victim.relative_to(saved_pipeline)
        data = bytearray(target.read_bytes())
        if damage == "truncate":
            data = data[: len(data) // 2]
        elif damage == "flip" and data:
            data[len(data) // 3] ^= 0x10
        elif damage == "random":
            data = bytearray(random.Random(i).randbytes(max(len(data), 8)))
        else:
            data = bytearray()
        target.write_bytes(bytes(data))
        with pytest.raises(PlaitError):
            plait.load(copy)


def test_docbin_file_damage_is_a_coded_error(tmp_path):
    path = tmp_path / "d.plaitdb"
    DocBin(docs=[sample_doc(Vocab())] * 4).to_disk(path)
    data = path.read_bytes()
    for i in range(0, len(data), max(1, len(data) // 40)):
        damaged = bytearray(data)
        damaged[i] ^= 0x01
        path.write_bytes(bytes(damaged))
        with pytest.raises(PlaitError), DocBin.open(path) as f:
            list(f.get_docs(Vocab()))


def test_pipeline_bytes_with_a_config_that_is_not_utf8_is_a_coded_error():
    """Regression: a bit flip in the config part leaked a raw UnicodeDecodeError (found by
    test_bit_flipped_data_is_a_coded_error)."""
    import msgpack

    from plait.errors import FormatError

    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    parts = msgpack.unpackb(nlp.to_bytes())
    parts["config"] = b"\xe6" + parts["config"][1:]
    other = plait.blank("en")
    other.add_pipe("sentencizer")
    with pytest.raises(FormatError, match="E203"):
        other.from_bytes(msgpack.packb(parts))
