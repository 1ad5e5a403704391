"""The venue tokenizer, tag parser and shipped venue table, and the two venue rules together."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from awesomelint.document.parse import parse_text
from awesomelint.engine import RuleSettings, check_documents
from awesomelint.errors import ConfigError
from awesomelint.fixing.fixer import fix_document
from awesomelint.knowledge import venues
from awesomelint.rules import venue_alias, venue_tag_format

BOTH = [venue_alias.RULE, venue_tag_format.RULE]


def _kinds(value: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in venues.tokenize(value) if t.kind != "space"]


def test_tokenize_splits_glued_numbers_and_apostrophe_years() -> None:
    assert _kinds("arxiv2503") == [("word", "arxiv"), ("number", "2503")]
    assert _kinds("ICLR'23") == [("word", "ICLR"), ("short_year", "'23")]
    assert _kinds("arXiv:2303.08112v2") == [
        ("word", "arXiv"),
        ("sep", ":"),
        ("arxiv_id", "2303.08112v2"),
    ]
    assert _kinds("NAACL-HLT 2019") == [
        ("word", "NAACL"),
        ("sep", "-"),
        ("word", "HLT"),
        ("number", "2019"),
    ]


def test_tokens_cover_the_value_exactly() -> None:
    value = "BlackBoxNLP workshop at EMNLP 2024"
    assert "".join(t.text for t in venues.tokenize(value)) == value


@pytest.mark.parametrize(
    ("value", "canonical", "year", "qualifiers"),
    [
        ("NIPS 2023", "NeurIPS", "2023", []),
        ("ICLR 2024 spotlight", "ICLR", "2024", ["spotlight"]),
        ("EMNLP 2023 Findings", "EMNLP", "2023", ["Findings"]),
        ("Findings of EMNLP 2023", "EMNLP", "2023", []),
        ("ICML 2024 MI Workshop", "ICML", "2024", ["Workshop"]),
        ("BlackBoxNLP workshop at EMNLP 2024", "BlackboxNLP", "2024", ["workshop"]),
        ("ICLR'23", "ICLR", "'23", []),
        ("iclr2024", "ICLR", "2024", []),
        ("Lesswrong 2020", "LessWrong", "2020", []),
        ("AlignmentForum 2312", "Alignment Forum", "2312", []),
        ("arxiv 2303", "arXiv", "2303", []),
        ("arxiv2503", "arXiv", "2503", []),
        ("arxiv  2405", "arXiv", "2405", []),
        ("arxvi 2410", "arXiv", "2410", []),
        ("TMLR 2023", "TMLR", "2023", []),
        ("Transformer Circuits Thread", "Transformer Circuits Thread", None, []),
        ("NAACL-HLT 2019", "NAACL", "2019", []),
        ("NeurIPS23", "NeurIPS", "23", []),
    ],
)
def test_parse_tag_reads_venue_year_and_qualifiers(
    value: str, canonical: str, year: str | None, qualifiers: list[str]
) -> None:
    parsed = venues.parse_tag(value)
    assert parsed is not None
    assert parsed.venue.venue.canonical == canonical
    assert (parsed.year.text if parsed.year else None) == year
    assert [q.text for q in parsed.qualifiers] == qualifiers


def test_parse_tag_finds_the_parent_of_a_workshop() -> None:
    parsed = venues.parse_tag("BlackBoxNLP workshop at EMNLP 2024")
    assert parsed is not None and parsed.parent is not None
    assert parsed.parent.venue.canonical == "EMNLP"


@pytest.mark.parametrize(
    "value",
    [
        "github",
        "blog",
        "website",
        "Youtube",
        "openreview",
        "Neel Nanda's blog",
        "google scholar",
        "forum",
        "Attention in NeurIPS papers",
        "NeurIPS papers",
        "arXiv preprint arXiv:2407.02646, 2024",
        "ICLR 2023 notable-top-5%",
        "NeurIPS 36",
        "2023",
        "x",
        "",
    ],
)
def test_labels_and_prose_are_not_venue_tags(value: str) -> None:
    assert venues.parse_tag(value) is None


def test_year_and_yymm() -> None:
    assert venues.is_year("2023") and not venues.is_year("2312")
    assert venues.is_yymm("2312") and not venues.is_yymm("2024")


def _records() -> list[dict[str, object]]:
    text = resources.files("awesomelint.knowledge").joinpath("data/venues.toml").read_text("utf-8")
    records = tomllib.loads(text)["venue"]
    assert isinstance(records, list)
    return records


def test_data_file_is_sorted_and_canonical_names_are_unique() -> None:
    names = [str(r["canonical"]) for r in _records()]
    assert names == sorted(names, key=str.casefold)
    assert len({venues.squeeze(n) for n in names}) == len(names)


def test_no_alias_names_two_venues_and_each_canonical_maps_to_itself() -> None:
    table = venues.default_table()
    owners: dict[str, str] = {}
    for record in _records():
        canonical = str(record["canonical"])
        aliases = record.get("aliases", [])
        assert isinstance(aliases, list)
        for alias in [canonical, *aliases, record.get("renamed_from", canonical)]:
            key = venues.squeeze(str(alias))
            assert owners.setdefault(key, canonical) == canonical, alias
        venue = table.lookup(canonical)
        assert venue is not None and venue.canonical == canonical
    for record in _records():
        for alias in record.get("aliases", []):  # type: ignore[attr-defined]
            assert venues.squeeze(alias) != venues.squeeze(str(record["canonical"])), alias


def test_aliases_resolve_to_their_venue() -> None:
    table = venues.default_table()
    for alias, canonical in [
        ("NIPS", "NeurIPS"),
        ("Neurips", "NeurIPS"),
        ("iclr", "ICLR"),
        ("AlignmentForum", "Alignment Forum"),
        ("Lesswrong", "LessWrong"),
        ("HLT-NAACL", "NAACL"),
        ("BlackBoxNLP", "BlackboxNLP"),
        ("CoLM", "COLM"),
    ]:
        venue = table.lookup(alias)
        assert venue is not None and venue.canonical == canonical


def test_build_table_refuses_an_alias_of_two_venues() -> None:
    with pytest.raises(ConfigError, match="names both"):
        venues.build_table(
            [{"canonical": "AAA", "aliases": ["X"]}, {"canonical": "BBB", "aliases": ["x"]}]
        )


def test_with_aliases_adds_user_spellings() -> None:
    table = venues.with_aliases(venues.default_table(), {"NeurIPS-DB": "NeurIPS", "MIW": "MIW"})
    neurips = table.lookup("neurips db")
    assert neurips is not None and neurips.canonical == "NeurIPS"
    assert venues.parse_tag("MIW 2024", table) is not None
    assert venues.parse_tag("MIW 2024") is None


MESSY = """\
# Papers

* **A** [[NIPS 2023]](https://openreview.net/forum?id=a) [[arxiv 2402]](https://arxiv.org/abs/2402.00001)
* **B** [[arxiv2502]](https://arxiv.org/abs/2502.00001) [[Findings of emnlp'23]](https://example.org/b)
* **C** [[arxvi 2410]](https://arxiv.org/abs/2410.00001) [[iclr2024 spotlight]](https://example.org/c)
* **D** [[arxiv  2405]](https://arxiv.org/abs/2405.00001) [[ICLR 2024 Oral]](https://example.org/d)
* **E** [[AlignmentForum 2312]](https://example.org/e) [[EMNLP Findings-23]](https://example.org/f)
* **F (NeurIPS'22)** [[ICLR 2024 Poster]](https://example.org/g)
"""

MESSY_FIXED = """\
# Papers

* **A** [[NeurIPS 2023]](https://openreview.net/forum?id=a) [[arxiv 2402]](https://arxiv.org/abs/2402.00001)
* **B** [[arxiv 2502]](https://arxiv.org/abs/2502.00001) [[EMNLP 2023 Findings]](https://example.org/b)
* **C** [[arxiv 2410]](https://arxiv.org/abs/2410.00001) [[ICLR 2024 Spotlight]](https://example.org/c)
* **D** [[arxiv 2405]](https://arxiv.org/abs/2405.00001) [[ICLR 2024 Oral]](https://example.org/d)
* **E** [[Alignment Forum 2023]](https://example.org/e) [[EMNLP 2023 Findings]](https://example.org/f)
* **F (NeurIPS 2022)** [[ICLR 2024 Poster]](https://example.org/g)
"""


def test_both_rules_fix_to_a_fixed_point_without_fighting() -> None:
    outcome = fix_document(parse_text(MESSY, "messy.md"), BOTH)
    assert outcome.parsed.document.text == MESSY_FIXED
    assert check_documents([outcome.parsed], BOTH) == []
    again = fix_document(outcome.parsed, BOTH)
    assert again.parsed.document.text == MESSY_FIXED


def test_keep_historical_names_leaves_old_nips_tags() -> None:
    text = "- [[NIPS 2017]](https://example.org/a)\n- [[NIPS 2019]](https://example.org/b)\n"
    settings = RuleSettings(options={"VEN001": venue_alias.Options(keep_historical_names=True)})
    found = check_documents([parse_text(text, "a.md")], [venue_alias.RULE], settings=settings)
    assert [f.line for f in found] == [2]


def test_qualifier_case_option_overrides_the_dominant_style() -> None:
    text = (
        "- [[ICLR 2024 spotlight]](https://example.org/a)\n"
        "- [[ICLR 2023 oral]](https://example.org/b)\n"
    )
    settings = RuleSettings(options={"VEN002": venue_tag_format.Options(qualifier_case="title")})
    doc = parse_text(text, "a.md")
    assert check_documents([doc], [venue_tag_format.RULE]) == []
    found = check_documents([doc], [venue_tag_format.RULE], settings=settings)
    assert [f.message for f in found] == [
        "spotlight is written Spotlight in this list",
        "oral is written Oral in this list",
    ]
