"""`python -m sourcetrace evaluate` on a tiny BRAT folder written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from sourcetrace.brat import read_ann, read_folder
from sourcetrace.cli import main
from sourcetrace.evaluate import chars, fragments, match

BRAT = Path(__file__).resolve().parent.parent / "fixtures" / "brat"


def test_read_ann_keeps_discontinuous_content_and_missing_source():
    gold = read_ann((BRAT / "attributions" / "vote_c3.ann").read_text(encoding="utf-8"))
    assert [(g.source, g.cue, g.content) for g in gold] == [
        ([(15, 18)], [(19, 23)], [(0, 14), (25, 46)]),
        (None, [(58, 66)], [(67, 74)]),
    ]


def test_read_folder_takes_the_first_annotation_file_and_skips_unannotated_texts():
    items = read_folder(BRAT)
    assert [name for name, _, _ in items] == ["bridge", "vote"]
    bridge = items[0][2]
    assert [g.cue for g in bridge] == [[(10, 14)], [(79, 84)]]  # bridge_a1.ann, not bridge_b2.ann


def test_chars_ignore_edge_punctuation_and_spaces():
    text = "“We will win,” she said"
    assert chars(text, [(0, 14)]) == chars(text, [(1, 12)])
    assert len(chars(text, [(0, 14)])) == len("Wewillwin")


def test_fragments_split_a_span_where_words_come_between_its_parts():
    text = "“We will win,” she said, “and they will lose.” Then it ends."
    assert fragments(text, [(25, 46), (0, 14)]) == [[(0, 14)], [(25, 46)]]
    # parts with only spaces between them (no token apart) stay one fragment
    assert fragments(text, [(0, 14), (15, 18), (47, 51)]) == [[(0, 14), (15, 18)], [(47, 51)]]
    assert fragments(text, [(0, 14)]) == [[(0, 14)]]


def test_match_is_one_to_one_exact_and_lenient():
    a, b = frozenset(range(10)), frozenset(range(20, 30))
    near_a = frozenset(range(1, 10))  # Jaccard 0.9 with a
    far_b = frozenset(range(25, 40))  # Jaccard 5/20 with b: below 0.5
    assert match([a, a], [a]) == (1, 1)
    assert match([a, b], [near_a, far_b]) == (0, 1)


def test_cli_evaluate_json_figures(capsys):
    assert main(["evaluate", str(BRAT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 2
    assert data["convention"] == "fragments"
    # today's convention: the quotation broken by "she said" is one span on both sides
    merged = data["merged"]
    assert (merged["Source"]["gold"], merged["Source"]["predicted"]) == (3, 3)
    assert merged["Source"]["exact"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    # "Prices are expected to rise" (seemed_to): the cue "are expected" against the gold "expected",
    # lenient only
    assert merged["Cue"]["exact"] == {"precision": 75.0, "recall": 75.0, "f1": 75.0}
    # "that the bridge is safe" against the gold "the bridge is safe", and "Prices" + "to rise"
    # merged against the gold "to rise": lenient only
    assert (merged["Content"]["gold"], merged["Content"]["predicted"]) == (4, 4)
    assert merged["Content"]["exact"] == {"precision": 50.0, "recall": 50.0, "f1": 50.0}
    assert merged["Content"]["lenient"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    # the headline (fragments): "“We will win,”" and "“and they will lose.”" are two spans each side
    roles = data["roles"]
    assert roles["Source"] == merged["Source"] and roles["Cue"] == merged["Cue"]
    # by fragments "to rise" matches the gold exactly and "Prices" is one prediction more
    assert (roles["Content"]["gold"], roles["Content"]["predicted"]) == (5, 6)
    assert roles["Content"]["exact"] == {"precision": 66.7, "recall": 80.0, "f1": 72.7}
    assert roles["Content"]["lenient"] == {"precision": 83.3, "recall": 100.0, "f1": 90.9}


def test_cli_evaluate_table(capsys):
    assert main(["evaluate", str(BRAT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 articles; outermost attributions (parent None or a frame)"
    assert out[1].startswith("by fragments")
    assert out[4].split() == ["Cue", "4", "4", "75.0", "75.0", "75.0", "100.0", "100.0", "100.0"]
    assert out[5].split() == ["Content", "5", "6", "66.7", "80.0", "72.7", "83.3", "100.0", "90.9"]
    assert out[6].startswith("merged")
    assert out[10].split() == ["Content", "4", "4", "50.0", "50.0", "50.0", "100.0", "100.0", "100.0"]


def test_cli_evaluate_bad_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"sourcetrace: {tmp_path}: expected a BRAT folder with text/ and attributions/ subfolders.\n"
    )


def _span(*parts):
    """A predicted span as the engine stores it: one part is a plain span, several are fragments."""
    from types import SimpleNamespace as NS

    if len(parts) == 1:
        return NS(start=parts[0][0], end=parts[0][1], parts=[])
    return NS(start=parts[0][0], end=parts[-1][1], parts=[NS(start=s, end=e) for s, e in parts])


def test_score_on_fixed_predictions_counts_fragments_and_merged_spans():
    """The scorer alone, on predictions written by hand, so its figures never move with the rules."""
    from types import SimpleNamespace as NS

    from sourcetrace.brat import GoldAttribution
    from sourcetrace.evaluate import Report, score

    text = '"We will win," Ana Lima said, "and soon." Rain fell. Critics say it is late.'
    q1, q2 = (0, 14), (30, 41)  # the two fragments of Lima's quotation around "Ana Lima said,"
    lima, said = (15, 23), (24, 28)
    critics, say, late = (53, 60), (61, 64), (65, 76)
    gold = [
        GoldAttribution(source=[lima], cue=[said], content=[q1, q2]),
        GoldAttribution(source=[critics], cue=[say], content=[late]),
    ]
    attribution = NS(id="a", frame=False, parent=None)
    predicted = [
        # Lima right, but the content keeps only the first fragment.
        NS(**vars(attribution), source=_span(lima), cue=_span(said), content=_span(q1)),
        # "Critics" right, content one word short ("it is" instead of "it is late").
        NS(**vars(attribution), source=_span(critics), cue=_span(say), content=_span((65, 70))),
        # A frame and an attribution nested in another are never scored.
        NS(
            id="f",
            frame=True,
            parent=None,
            source=_span((42, 46)),
            cue=_span((47, 51)),
            content=_span((42, 52)),
        ),
        NS(id="n", frame=False, parent="a", source=_span(lima), cue=_span(said), content=_span(q2)),
    ]
    report = Report()
    score(NS(article=NS(text=text), attributions=predicted), gold, report)
    figures = report.as_dict()
    assert report.articles == 1
    roles, merged = figures["roles"], figures["merged"]
    perfect = {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert roles["Source"]["exact"] == merged["Source"]["exact"] == perfect
    assert roles["Cue"]["exact"] == perfect
    # Fragments: gold has 3 content spans (q1, q2, late), 2 predicted, 1 exact (q1); "it is" vs
    # "it is late" is a lenient match (Jaccard 4/8 = 0.5).
    assert (roles["Content"]["gold"], roles["Content"]["predicted"]) == (3, 2)
    assert roles["Content"]["exact"] == {"precision": 50.0, "recall": 33.3, "f1": 40.0}
    assert roles["Content"]["lenient"] == {"precision": 100.0, "recall": 66.7, "f1": 80.0}
    # Merged: Lima's two fragments are one gold span; q1 alone covers 9 of its 16 word characters.
    assert (merged["Content"]["gold"], merged["Content"]["predicted"]) == (2, 2)
    assert merged["Content"]["exact"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert merged["Content"]["lenient"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
