"""decode_bytes: byte-order marks, UTF-8, guarded legacy detection, binary refusal, newlines."""

from __future__ import annotations

import codecs
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing.decoding
from framing.decoding import decode_bytes
from framing.errors import InputError

FRENCH = (
    "Le président a déclaré que l'accord était déjà signé à Genève. Les négociations ont été "
    "très difficiles, mais la délégation française a obtenu des garanties. Selon le ministère, "
    "la livraison des systèmes commencera l'année prochaine, malgré les critiques."
)
TURKISH = (
    "Türkiye'nin S-400 alımı, NATO müttefikleri arasında ciddi bir gerginliğe yol açtı. "
    "Dışişleri Bakanı açıklamasında ülkenin egemenlik hakkını vurguladı. Ankara, sistemin "
    "ulusal güvenlik için zorunlu olduğunu söyledi; Washington ise yaptırım tehdidinde bulundu."
)
GERMAN = "Die Bundesregierung äußerte sich besorgt über den Verkauf. Größere Übungen sind geplant."
SPANISH = "El presidente afirmó que el acuerdo está firmado. ¿Quién pagará? España no comentó."
POLISH_SHORT = "Prezydent oświadczył, że umowa"
RUSSIAN = (
    "Россия и Индия подписали соглашение о поставке зенитных ракетных комплексов С-400. "
    "Министр обороны заявил, что сделка укрепит безопасность страны."
)
CHINESE = "俄罗斯与印度签署了S-400防空导弹系统的供应协议。国防部长表示，这笔交易将加强国家安全。"
JAPANESE = "ロシアとインドはS-400地対空ミサイルシステムの供給契約に署名した。"
GREEK = "Η Ρωσία και η Ινδία υπέγραψαν συμφωνία για την προμήθεια συστημάτων αεράμυνας S-400."
QUOTES = (
    "He said \u201cthis is a good deal\u201d \u2014 and the minister\u2019s office agreed\u2026"
)

UNDETERMINED = "not UTF-8 and its encoding could not be determined"


def test_utf8_text_is_returned_unchanged() -> None:
    text = FRENCH + " " + RUSSIAN + " " + CHINESE + " 🚀"
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_byte_order_mark_picks_the_codec_and_is_dropped(bom: bytes, codec: str) -> None:
    text = "outlet: Le Monde\n---\n" + FRENCH + " " + CHINESE
    assert decode_bytes(bom + text.encode(codec), "a.txt") == text


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_a_broken_utf16_file_is_refused(bom: bytes, codec: str) -> None:
    data = bom + "text".encode(codec) + b"\x00"  # odd number of bytes
    with pytest.raises(InputError, match=rf"^a\.txt: starts with a {codec.upper()} byte-order"):
        decode_bytes(data, "a.txt")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\n\r\ntwo\rthree\nfour", "one\n\ntwo\nthree\nfour"),
        (codecs.BOM_UTF16_LE + "a\r\nb".encode("utf-16-le"), "a\nb"),
    ],
)
def test_crlf_and_cr_become_newlines(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "a.txt") == expected


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_input_gives_empty_text(data: bytes) -> None:
    assert decode_bytes(data, "a.txt") == ""


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ],
)
def test_known_binary_formats_are_not_text(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=rf"^a\.txt: is not a text file \(it looks like {kind}"):
        decode_bytes(data, "a.txt")


def test_random_bytes_are_not_text() -> None:
    data = random.Random(0).randbytes(4096)
    with pytest.raises(InputError, match=r"^a\.txt: is not a text file"):
        decode_bytes(data, "a.txt")


def test_nul_bytes_mean_binary_and_the_hint_mentions_utf16() -> None:
    with pytest.raises(InputError, match=r"NUL bytes.*UTF-16 text without a byte-order mark"):
        decode_bytes("plain text".encode("utf-16-le"), "a.txt")


def test_a_single_nul_byte_in_utf8_text_is_refused() -> None:
    with pytest.raises(InputError, match="is not a text file"):
        decode_bytes(b"outlet: A\n---\nsome text\x00more", "a.txt")


def test_nul_characters_inside_a_utf16_file_are_refused() -> None:
    data = codecs.BOM_UTF16_LE + "text\x00\x00\x00more".encode("utf-16-le")
    with pytest.raises(InputError, match="NUL"):
        decode_bytes(data, "a.txt")


def test_text_that_is_mostly_control_characters_is_refused() -> None:
    data = bytes(range(1, 9)) * 40 + b"some words"
    with pytest.raises(InputError, match="mostly control characters"):
        decode_bytes(data, "a.txt")


def test_a_few_control_characters_are_kept_verbatim() -> None:
    text = "Page one\x0cPage two \x1b[1mbold\x1b[0m and a tab\there" + " more words" * 10
    assert decode_bytes(text.encode(), "a.txt") == text


LEGACY = [
    (FRENCH, "cp1252"),
    (FRENCH, "latin-1"),
    ("café crème, déjà vu", "cp1252"),
    (TURKISH, "iso-8859-9"),
    (TURKISH, "cp1254"),
    (GERMAN, "cp1252"),
    (GERMAN * 5, "cp1252"),
    (SPANISH, "latin-1"),
    (QUOTES, "cp1252"),
    (POLISH_SHORT, "cp1250"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN[:40], "cp1251"),
    (CHINESE, "gb18030"),
    (JAPANESE, "shift_jis"),
    (GREEK, "cp1253"),
]


@pytest.mark.parametrize(("text", "encoding"), LEGACY)
def test_legacy_text_is_read_exactly_or_refused_never_garbled(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    try:
        decoded = decode_bytes(data, "a.txt")
    except InputError as error:
        assert str(error).startswith(f"a.txt: is {UNDETERMINED}")
        assert "re-save it as UTF-8" in str(error)
    else:
        assert decoded == text


# Measured with charset-normalizer 3.5: the library's own best guesses for these are wrong
# (cp1257 for the French, cp932 for the Polish), so these pin the guard, not the library.
@pytest.mark.parametrize(
    ("text", "encoding", "right", "wrong"),
    [
        ("café crème, déjà vu", "cp1252", "'crème,' (cp1252)", "crčme"),
        (FRENCH, "cp1252", "'déjà' (cp1252)", "déją"),
        (POLISH_SHORT, "cp1250", "'oświadczył,' (cp1250)", "o忤iadczyｳ"),
    ],
)
def test_ambiguous_latin_text_is_refused_showing_the_rival_readings(
    text: str, encoding: str, right: str, wrong: str
) -> None:
    with pytest.raises(InputError, match=UNDETERMINED) as caught:
        decode_bytes(text.encode(encoding), "a.txt")
    assert right in str(caught.value)
    assert wrong in str(caught.value)


@pytest.mark.parametrize(("text", "encoding"), [(RUSSIAN, "cp1251"), (CHINESE, "gb18030")])
def test_unambiguous_legacy_text_is_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding) + b"\r\n", "a.txt") == text + "\n"


@dataclass
class FakeMatch:
    """Stands in for charset_normalizer.CharsetMatch: what _detect reads from a match."""

    encoding: str
    chaos: float


@pytest.mark.parametrize(
    ("matches", "expected"),
    [
        ([FakeMatch("cp1252", 0.0), FakeMatch("latin_1", 0.02)], "déjà"),
        ([FakeMatch("cp1252", 0.0), FakeMatch("cp932", 0.15)], "déjà"),
        ([FakeMatch("cp1252", 0.0), FakeMatch("utf_8", 0.0)], "déjà"),
        ([FakeMatch("cp1257", 0.0), FakeMatch("cp1252", 0.03)], None),
        ([FakeMatch("cp932", 0.15)], None),
        ([], None),
    ],
)
def test_detection_needs_every_plausible_reading_to_agree(
    monkeypatch: pytest.MonkeyPatch, matches: list[FakeMatch], expected: str | None
) -> None:
    monkeypatch.setattr(framing.decoding, "from_bytes", lambda data, **options: matches)
    data = b"d\xe9j\xe0"
    if expected is None:
        with pytest.raises(InputError, match=UNDETERMINED):
            decode_bytes(data, "a.txt")
    else:
        assert decode_bytes(data, "a.txt") == expected


def test_the_rival_readings_in_an_error_cannot_carry_control_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matches = [FakeMatch("cp1252", 0.0), FakeMatch("cp1257", 0.0)]
    monkeypatch.setattr(framing.decoding, "from_bytes", lambda data, **options: matches)
    with pytest.raises(InputError) as caught:
        decode_bytes(b"x \x1b[2J\xe0bc", "a.txt")
    assert "\x1b" not in str(caught.value)
    assert "'[2Jàbc' (cp1252) or '[2Jąbc' (cp1257)" in str(caught.value)


def test_a_large_legacy_file_is_judged_on_its_non_ascii_lines() -> None:
    # charset_normalizer samples five 512-byte blocks; in a big, mostly ASCII file those hold
    # no Cyrillic, and every code page looks equally clean. Sampling the non-ASCII lines fixes it.
    lines = [f"{number},Ordinary ASCII line number {number} " + "x" * 200 for number in range(4000)]
    for number in range(50, 4000, 100):
        lines[number] += " " + RUSSIAN
    text = "\n".join(lines)
    data = text.encode("cp1251")
    assert len(data) > framing.decoding._SAMPLE_BYTES
    assert decode_bytes(data, "a.csv") == text


def test_the_sample_of_a_large_file_keeps_only_lines_with_non_ascii_bytes() -> None:
    ascii_line = b"plain " * 100
    data = b"\n".join([ascii_line] * 1000 + [b"caf\xe9 " * 10] + [ascii_line] * 1000)
    assert framing.decoding._sample(data) == b"caf\xe9 " * 10


# -- the control count of a UTF-8 stream, counted on the bytes -----------------------------

_CONTROL_HEAVY = "a\x01é\x1f\x7f\u0080\u009f\u00a0\u00c2«»\t\n\x0b\x0c\r€😀 plain"


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(_CONTROL_HEAVY) | st.characters(), max_size=300),
    chunk=st.integers(min_value=1, max_value=17),
)
def test_a_utf8_stream_counts_its_controls_as_the_regex_does(text: str, chunk: int) -> None:
    """The byte count must equal the regex count on the decoded text, however the stream is
    cut (a C1 control or any other character split across two chunks included)."""
    text = text.replace("\x00", "")
    data = text.encode("utf-8", "surrogatepass")
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    counted, after_c2 = 0, False
    for start in range(0, len(data), chunk):
        piece = data[start : start + chunk]
        counted += framing.decoding._count_utf8_controls(
            piece, decoder.decode(piece), after_c2, "x.jsonl"
        )
        after_c2 = piece.endswith(b"\xc2")
    assert counted == framing.decoding._count_controls(text, "x.jsonl")


def test_a_stream_of_c1_controls_cut_after_their_first_byte_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: a file of C1 controls (two bytes each in UTF-8) read in chunks of three
    bytes, so that every other one is cut between its bytes, is still refused. (Which chunk
    counts a cut control is the unit test's job above.)"""
    monkeypatch.setattr(framing.decoding, "_CHUNK_BYTES", 3)
    path = tmp_path / "controls.jsonl"
    path.write_bytes(("x" + "\u0085" * 50).encode("utf-8"))
    with (
        pytest.raises(InputError, match="mostly control characters"),
        framing.decoding.open_text(path, "controls.jsonl"),
    ):
        pass
