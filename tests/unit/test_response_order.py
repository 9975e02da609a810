"""No-comment responses resolved where they stand in the text (refs12, rule response_in_order):
a pronoun subject of "could not go into details" is the person speaking there, not whoever spoke
last in the article. All names are fictional."""

from __future__ import annotations

from sourcetrace.analysis import Settings, analyze_text

RELAYED = (
    "Harbour Minister Tomas Lemos had told lawmakers earlier in the day that there were cracks at the "
    "pier, the Harbor Times reported. Specifically, he said in answer to a question that \"there is such "
    "an indication,\" but that he could not go into details for security reasons.\n\n"
    "But later Monday, the minister said he was startled by his earlier comments. A ministry spokesman "
    "said the cracks were old.\n\n"
    "\"The cracks are normal,\" Rui Mendes told the Harbor Wire news agency.\n"
)


def responders(text: str, settings: Settings | None = None) -> list[tuple[str | None, str]]:
    analysis = analyze_text(text, settings) if settings is not None else analyze_text(text)
    out = []
    for r in analysis.responses:
        actor = analysis.actor(r.actor) if r.actor else None
        out.append((actor.name if actor is not None else None, r.cue.text))
    return out


def test_a_pronoun_no_comment_is_the_speaker_there():
    assert responders(RELAYED) == [("Tomas Lemos", "could not go into details")]


def test_resolved_after_every_source_it_went_to_the_last_speaker():
    off = Settings(disabled_rules=("response_in_order",))
    assert responders(RELAYED, off) == [("Rui Mendes", "could not go into details")]


def test_a_first_person_no_comment_in_a_quotation_stays_the_teller_s():
    text = (
        "Tomas Lemos said the pier was safe.\n\n"
        "\"We are not commenting on rumours,\" a board spokeswoman told the Harbor Times.\n\n"
        "Rui Mendes said the cracks were old.\n"
    )
    assert responders(text) == [("a board spokeswoman", "are not commenting")]


def test_a_named_no_comment_keeps_its_name():
    text = (
        "Tomas Lemos said the pier was safe. The Harbour Board declined to comment.\n\n"
        "Rui Mendes said the cracks were old.\n"
    )
    assert responders(text) == [("Harbour Board", "declined to comment")]
