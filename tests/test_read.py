"""kg.read: news pages, folders, JSON Lines corpora and standard input, read from real files
in tmp_path; and the one-line errors a user sees for input that cannot be read."""
from __future__ import annotations

import io
import json
import sys

import pytest

from kg.errors import InputError, KgError
from kg.read import MAX_ARTICLE_CHARS, article_from_text, iter_articles

PAGE = """Japan, NATO Agree to Deepen Cyber Cooperation
15:57 JST, February 20, 2022
BRUSSELS (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi met NATO Secretary-General Jens Stoltenberg on Saturday.
The two officials agreed to deepen cooperation on cyber defense.
"""


def read(*inputs):
    return list(iter_articles([str(i) for i in inputs]))


def read_error(*inputs) -> str:
    with pytest.raises(InputError) as e:
        read(*inputs)
    msg = str(e.value)
    assert "\n" not in msg, "an input error is one line"
    assert isinstance(e.value, KgError) and e.value.exit_code == 1
    return msg


def jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def fake_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# -- .txt news pages ---------------------------------------------------------------------

def test_txt_page_headline_is_title_and_timestamp_gives_publication_date(tmp_path):
    p = tmp_path / "hayashi-nato.txt"
    p.write_text(PAGE, encoding="utf-8")
    [a] = read(p)
    assert a.id == "hayashi-nato"
    assert a.title == "Japan, NATO Agree to Deepen Cyber Cooperation"
    assert a.published == "2022-02-20"
    assert a.text == PAGE
    assert a.url is None
    assert a.source == str(p)


@pytest.mark.parametrize("stamp, published", [
    ("15:57 JST, February 20, 2022", "2022-02-20"),
    ("Updated 09:10 GMT, March 3, 2023", "2023-03-03"),
    ("2023-06-12 14:30", "2023-06-12"),
    ("June 1, 2024 19:40", "2024-06-01"),
    ("Nov. 16, 2024, 8:45 p.m. PET", "2024-11-16"),
    ("Wed 9 Oct 2024 · 18:20 AST", "2024-10-09"),
])
def test_timestamp_formats(tmp_path, stamp, published):
    p = tmp_path / "page.txt"
    p.write_text(f"Some Headline\n{stamp}\nTOKYO (Wire) — Body text on Saturday.\n", encoding="utf-8")
    assert read(p)[0].published == published


def test_headline_is_first_non_blank_line_and_no_timestamp_gives_none(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("\n\n   Headline After Blank Lines  \nTOKYO (Wire) — No date anywhere here.\n", encoding="utf-8")
    [a] = read(p)
    assert a.title == "Headline After Blank Lines"
    assert a.published is None


def test_crlf_and_lone_cr_are_normalised_offsets_stay_valid(tmp_path):
    p = tmp_path / "dos.txt"
    p.write_bytes(PAGE.replace("\n", "\r\n").encode("utf-8"))
    [a] = read(p)
    assert "\r" not in a.text
    assert a.text == PAGE
    assert a.published == "2022-02-20"
    p.write_bytes(b"Old Mac Headline\rUpdated 09:10 GMT, March 3, 2023\rBody.\r")
    [b] = read(p)
    assert b.text == "Old Mac Headline\nUpdated 09:10 GMT, March 3, 2023\nBody.\n"
    assert (b.title, b.published) == ("Old Mac Headline", "2023-03-03")


def test_control_characters_are_cleaned_and_length_kept(tmp_path):
    p = tmp_path / "ctl.txt"
    raw = "Head\x07line\nBody\x0bwith\x1bcontrols\tand a tab.\n"
    p.write_text(raw, encoding="utf-8")
    [a] = read(p)
    assert a.text == "Head line\nBody with controls\tand a tab.\n"
    assert len(a.text) == len(raw), "cleaning keeps character offsets"
    assert a.title == "Head line"


def test_nul_inside_a_jsonl_text_is_cleaned(tmp_path):
    p = jsonl(tmp_path / "c.jsonl", {"id": "n", "text": "Hayashi\u0000met\u0001Stoltenberg.", "published": "2022-02-20"})
    [a] = read(p)
    assert a.text == "Hayashi met Stoltenberg."


def test_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff".encode("utf-8") + PAGE.encode("utf-8"))
    [a] = read(p)
    assert a.title == "Japan, NATO Agree to Deepen Cyber Cooperation"
    assert not a.text.startswith("\ufeff")


def test_huge_single_line_is_read_and_capped(tmp_path):
    p = tmp_path / "huge.txt"
    line = "Hayashi met Stoltenberg in Brussels and the talks went on " * 60_000  # ~3.5 MB, no newline
    p.write_text("Huge Headline\n15:57 JST, February 20, 2022\n" + line, encoding="utf-8")
    [a] = read(p)
    assert a.title == "Huge Headline"
    assert a.published == "2022-02-20"
    assert len(a.text) == MAX_ARTICLE_CHARS


def test_article_from_text_directly():
    a = article_from_text("Title Line\r\n2023-06-12 14:30\r\nText.", id="x", source="s")
    assert (a.id, a.title, a.published, a.source, a.text) == ("x", "Title Line", "2023-06-12", "s",
                                                              "Title Line\n2023-06-12 14:30\nText.")


# -- folders -----------------------------------------------------------------------------

def test_folder_read_recursively_sorted_with_ids_from_relative_paths(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "d.txt").write_text("D headline\n2023-06-12 14:30\nbody\n", encoding="utf-8")
    (root / "a.txt").write_text("A headline\nbody\n", encoding="utf-8")
    (root / "b" / "c.txt").write_text("C headline\nbody\n", encoding="utf-8")
    (root / "b" / "deep" / "e.TXT").write_text("E headline\nbody\n", encoding="utf-8")
    jsonl(root / "b" / "f.jsonl", {"id": "f-1", "text": "F one"}, {"id": "f-2", "text": "F two"})
    (root / "notes.md").write_text("not an article\n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\x00\x00")
    arts = read(root)
    assert [a.id for a in arts] == ["a", "b/c", "b/deep/e", "f-1", "f-2", "d"]
    assert [a.title for a in arts[:3]] == ["A headline", "C headline", "E headline"]
    assert arts[-1].published == "2023-06-12"


def test_hidden_files_and_folders_are_skipped(tmp_path):
    root = tmp_path / "corpus"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "x.txt").write_text("hidden folder\n", encoding="utf-8")
    (root / ".draft.txt").write_text("hidden file\n", encoding="utf-8")
    (root / "visible.txt").write_text("Visible\n", encoding="utf-8")
    assert [a.id for a in read(root)] == ["visible"]


def test_folder_given_with_a_hidden_parent_is_still_read(tmp_path):
    root = tmp_path / ".cache" / "corpus"
    root.mkdir(parents=True)
    (root / "one.txt").write_text("One\n", encoding="utf-8")
    assert [a.id for a in read(root)] == ["one"]


def test_inputs_are_read_in_the_order_given(tmp_path):
    (tmp_path / "z.txt").write_text("Z\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "z.txt", tmp_path / "a.txt")] == ["z", "a"]


# -- JSON Lines --------------------------------------------------------------------------

def test_jsonl_fields(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl",
              {"id": "doc-1", "text": "TOKYO — Hayashi met Stoltenberg.", "published": "2022-04-08",
               "url": "https://example.org/1", "title": "Hayashi Meets Stoltenberg"},
              {"id": 42, "text": "No metadata here.", "published": None},
              {"id": "doc-3", "text": "Headline\n15:57 JST, February 20, 2022\nBody", "published": "2022-02-21T08:00:00Z"},
              {"id": "doc-4", "text": "Headline\nUpdated 09:10 GMT, March 3, 2023\nBody"})
    a, b, c, d = read(p)
    assert (a.id, a.text, a.published, a.url, a.title) == (
        "doc-1", "TOKYO — Hayashi met Stoltenberg.", "2022-04-08", "https://example.org/1", "Hayashi Meets Stoltenberg")
    assert a.source == f"{p}:1"
    assert (b.id, b.published, b.url, b.title) == ("42", None, None, None)
    assert c.published == "2022-02-21", "an ISO timestamp gives its date; the record wins over the text"
    assert d.published == "2023-03-03", "without 'published' the timestamp in the text is used"


def test_jsonl_blank_lines_skipped_and_bom_accepted(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + b'{"id": "1", "text": "one"}\n\n   \n{"id": "2", "text": "two"}\r\n')
    assert [(a.id, a.text) for a in read(p)] == [("1", "one"), ("2", "two")]


def test_ndjson_suffix_is_a_corpus(tmp_path):
    p = jsonl(tmp_path / "c.ndjson", {"id": "nd", "text": "x"})
    assert [a.id for a in read(p)] == ["nd"]


def test_jsonl_is_streamed_line_by_line(tmp_path):
    """The reader yields the first article before it reaches a later malformed line."""
    p = jsonl(tmp_path / "c.jsonl", {"id": "first", "text": "x"}, "{not json")
    it = iter_articles([str(p)])
    assert next(it).id == "first"
    with pytest.raises(InputError, match=r"c\.jsonl:2: malformed JSON"):
        next(it)


# -- standard input ----------------------------------------------------------------------

def test_stdin_txt_page(monkeypatch):
    fake_stdin(monkeypatch, PAGE.replace("\n", "\r\n").encode("utf-8"))
    [a] = read("-")
    assert (a.id, a.title, a.published, a.source) == ("stdin", "Japan, NATO Agree to Deepen Cyber Cooperation",
                                                      "2022-02-20", "<stdin>")
    assert a.text == PAGE


def test_stdin_jsonl(monkeypatch):
    data = "\n".join(json.dumps(r) for r in [
        {"id": "s1", "text": "one", "published": "2022-04-08", "url": "https://example.org/s1"},
        {"id": "s2", "text": "two", "title": "Two"}]) + "\n"
    fake_stdin(monkeypatch, data.encode("utf-8"))
    a, b = read("-")
    assert (a.id, a.published, a.url, a.source) == ("s1", "2022-04-08", "https://example.org/s1", "<stdin>:1")
    assert (b.id, b.title) == ("s2", "Two")


def test_stdin_malformed_jsonl_names_the_line(monkeypatch):
    fake_stdin(monkeypatch, b'{"id": "s1", "text": "one"}\n{"id": "s2", "text": \n')
    with pytest.raises(InputError) as e:
        read("-")
    assert str(e.value).startswith("<stdin>:2: malformed JSON (")


def test_stdin_binary(monkeypatch):
    fake_stdin(monkeypatch, b"\x00\x01\x02binary")
    with pytest.raises(InputError, match=r"^<stdin>: binary file, not text$"):
        read("-")


# -- errors: exact one-line messages -----------------------------------------------------

def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    assert read_error(missing) == f"{missing}: no such file or folder"


def test_missing_path_after_good_input_still_fails(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("OK\n", encoding="utf-8")
    missing = tmp_path / "nope"
    assert read_error(good, missing) == f"{missing}: no such file or folder"


def test_folder_with_no_articles(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    (root / "readme.md").write_text("no articles\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    assert read_error(root) == f"{root}: no articles in this folder (looked for .txt and .jsonl files)"


def test_malformed_jsonl_line_named_by_line_number(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", {"id": "1", "text": "one"}, "", '{"id": "3", "text": "three"')
    msg = read_error(p)
    assert msg.startswith(f"{p}:3: malformed JSON (")
    assert msg.endswith(")")
    assert msg == f"{p}:3: malformed JSON (Expecting ',' delimiter)"


def test_jsonl_record_without_text(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", {"id": "1", "text": "one"}, {"id": "2", "body": "two"})
    assert read_error(p) == f'{p}:2: missing "text" string'


def test_jsonl_record_with_non_string_text(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", {"id": "1", "text": ["a", "b"]})
    assert read_error(p) == f'{p}:1: missing "text" string'


def test_jsonl_record_without_id(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", {"text": "one"})
    assert read_error(p) == f'{p}:1: missing "id"'


def test_jsonl_line_not_an_object(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", '["id", "text"]')
    assert read_error(p) == f'{p}:1: expected a JSON object with "id" and "text"'


def test_jsonl_bad_published(tmp_path):
    p = jsonl(tmp_path / "corpus.jsonl", {"id": "1", "text": "x", "published": "yesterday"})
    assert read_error(p) == f"{p}:1: \"published\" is not a date: 'yesterday'"
    p = jsonl(tmp_path / "corpus.jsonl", {"id": "1", "text": "x", "published": 20220220})
    assert read_error(p) == f'{p}:1: "published" must be a date string or null'


def test_binary_txt_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read_error(p) == f"{p}: binary file, not text"


def test_binary_jsonl_file(tmp_path):
    p = tmp_path / "corpus.jsonl"
    p.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    assert read_error(p) == f"{p}: binary file, not text"


def test_non_utf8_txt_file(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Réunion à Genève\n".encode("latin-1"))
    assert read_error(p) == f"{p}: not UTF-8 text (byte 1)"


def test_non_utf8_jsonl_line(tmp_path):
    p = tmp_path / "corpus.jsonl"
    p.write_bytes(b'{"id": "1", "text": "ok"}\n{"id": "2", "text": "R\xe9union"}\n')
    assert read_error(p) == f"{p}:2: not UTF-8 text"


def test_binary_file_inside_a_folder_is_named(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("A\n", encoding="utf-8")
    (root / "b.txt").write_bytes(b"\x00\x00\x00\x00")
    assert read_error(root) == f"{root / 'b.txt'}: binary file, not text"


class _LazyStdin(io.RawIOBase):
    """A byte stream produced on demand; counts how much of it the reader has taken."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._buf = b""
        self.served = 0
        self.done = False

    def readable(self):
        return True

    def readinto(self, b):
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                self.done = True
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self.served += n
        return n


def test_stdin_jsonl_is_streamed(monkeypatch):
    """`cat big.jsonl | kg extract -`: the first article comes before stdin is read to the end."""
    lines = (json.dumps({"id": f"s{i}", "text": "x" * 500}).encode() + b"\n" for i in range(2000))
    raw = _LazyStdin(lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8"))
    it = iter_articles(["-"])
    assert next(it).id == "s0"
    assert not raw.done and raw.served < 100_000, raw.served
    rest = list(it)
    assert [a.id for a in rest] == [f"s{i}" for i in range(1, 2000)]
    assert all(a.source == f"<stdin>:{i}" for i, a in enumerate(rest, 2))


def test_stdin_jsonl_line_across_read_boundaries(monkeypatch):
    """Records split across the stream's chunks (and a BOM) are reassembled."""
    data = "\ufeff" + "".join(json.dumps({"id": f"s{i}", "text": "é" * (3000 + i)}) + "\n" for i in range(5))
    b = data.encode("utf-8")
    raw = _LazyStdin(b[i:i + 777] for i in range(0, len(b), 777))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw, 1024), encoding="utf-8"))
    arts = read("-")
    assert [a.id for a in arts] == [f"s{i}" for i in range(5)]
    assert [len(a.text) for a in arts] == [3000 + i for i in range(5)]


def test_stdin_jsonl_without_final_newline_and_bad_utf8_line(monkeypatch):
    fake_stdin(monkeypatch, b'{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}')
    assert [a.id for a in read("-")] == ["a", "b"]
    fake_stdin(monkeypatch, b'{"id": "a", "text": "one"}\n{"id": "b", "text": "R\xe9union"}\n')
    with pytest.raises(InputError, match=r"^<stdin>:2: not UTF-8 text$"):
        read("-")


def test_control_characters_far_into_a_long_text_are_cleaned(tmp_path):
    p = tmp_path / "long.txt"
    text = "Headline\n" + "word " * 40_000 + "\x07bell\x1b escape\x00nul" + "\r\n"
    p.write_text(text.replace("\x00", "\x01"), encoding="utf-8")
    [a] = read(p)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in a.text)
    assert a.text.endswith(" bell  escape nul\n")


@pytest.mark.parametrize("published, iso", [
    ("2022-04-08", "2022-04-08"),
    ("2022-04-08T10:00:00Z", "2022-04-08"),
    (" 2022-04-08 10:00 ", "2022-04-08"),
    ("April 8, 2022", "2022-04-08"),
    ("8 Apr 2022", "2022-04-08"),
])
def test_jsonl_published_forms_normalised_to_iso(tmp_path, published, iso):
    p = jsonl(tmp_path / "c.jsonl", {"id": "1", "text": "x", "published": published})
    assert read(p)[0].published == iso


def test_jsonl_impossible_published_date(tmp_path):
    p = jsonl(tmp_path / "c.jsonl", {"id": "1", "text": "x", "published": "2022-02-30"})
    assert read_error(p) == f"{p}:1: \"published\" is not a date: '2022-02-30'"


def test_empty_corpus_is_an_error(tmp_path):
    from kg.errors import InputError
    from kg.read import iter_articles
    p = tmp_path / "empty.jsonl"
    p.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.jsonl: no articles \(the corpus has no records\)"):
        list(iter_articles([str(p)]))
