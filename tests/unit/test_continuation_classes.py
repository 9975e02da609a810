"""Quote continuation after reported speech (refs12), on made-up sentences of several shapes: a
paragraph that is only a quotation, with no cue, right after a paragraph whose last speaker's words
were reported, goes on that speaker's words.

All names are fictional."""

from __future__ import annotations

from sourcetrace.analysis import Settings, analyze_text


def tellers(text: str, settings: Settings | None = None) -> list[tuple[str, str]]:
    """(chain labels joined by ' > ', content) of every live claim."""
    out = []
    analysis = analyze_text(text, settings) if settings is not None else analyze_text(text)
    for c in analysis.claims:
        if not c.dismissed:
            out.append((" > ".join(link.label for link in c.chain), c.content.text))
    return out


def teller_of(text: str, words: str, settings: Settings | None = None) -> str:
    return next(t for t, c in tellers(text, settings) if words in c)


STATEMENT = (
    "The harbour board met on Tuesday.\n\n"
    "In a statement, the ministry said the draft did not reflect the position of the government.\n\n"
    "\u201cIt is an early study, written by students. It needs more work.\u201d\n\n"
    "The pier has been closed since March.\n"
)

OPEN_RUN = (
    "The harbour board met on Tuesday to discuss the old pier.\n\n"
    "Marta Quintela, the board's chair, said the repairs would start in the spring.\n\n"
    '"We have found three cracks in the main beams. It is a big job.\n\n'
    '"And we know the storms will come back. So we are very worried."\n'
)

NESTED = (
    "The harbour board met on Tuesday.\n\n"
    "Marta Quintela, the board's chair, said that the mayor had told her the repairs would be paid for "
    "by the city.\n\n"
    '"We will start in the spring. It is a big job."\n'
)


def test_quote_after_a_statement_goes_on_the_ministry():
    assert teller_of(STATEMENT, "It is an early study") == "the ministry"
    assert teller_of(STATEMENT, "It is an early study") == teller_of(STATEMENT, "did not reflect")


def test_open_quotation_run_after_reported_speech_is_the_speaker_s():
    assert teller_of(OPEN_RUN, "three cracks") == "Marta Quintela"
    assert teller_of(OPEN_RUN, "very worried") == "Marta Quintela"


def test_a_nested_teller_does_not_take_the_turn():
    # "the mayor" is inside Quintela's words: the quotation after is still hers
    assert teller_of(NESTED, "a big job") == "Marta Quintela"


def test_rule_switches_off():
    off = Settings(disabled_rules=("quote_after_indirect",))
    assert teller_of(STATEMENT, "It is an early study", off) == "unattributed"


def test_a_paragraph_between_ends_the_turn():
    text = (
        "Tomas Ferreira said the cracks were old.\n\n"
        "The pier has been closed since March.\n\n"
        '"Nobody will be allowed on it."\n'
    )
    assert teller_of(text, "Nobody will be allowed") == "unattributed"


def test_a_quotation_with_its_own_cue_keeps_its_speaker():
    text = (
        "Tomas Ferreira said the cracks were old.\n\n"
        '"They are not dangerous," said Ana Lopes, the city engineer.\n'
    )
    assert teller_of(text, "They are not dangerous") == "Ana Lopes"
    assert teller_of(text, "the cracks were old") == "Tomas Ferreira"


def test_a_no_comment_carries_no_quotation():
    # "refused to confirm if P" is a no-comment, no claim: the quotation is not swallowed by it
    text = (
        "The harbour board met on Tuesday.\n\n"
        "But the board's spokesman refused to confirm if the pier would close.\n\n"
        '"I have not seen the final report and cannot tell you more."\n'
    )
    assert teller_of(text, "I have not seen the final report") == "unattributed"


def test_an_unattributed_paragraph_before_the_quote_gives_it_nobody():
    text = "The board said nothing.\n\nThe pier is old.\n\n\u201cIt will fall.\u201d\n"
    assert teller_of(text, "It will fall") == "unattributed"


# --- a cue inside the last speaker's quotation does not take the turn (rule quote_paragraph)

INNER_CUE = (
    "The harbour board met on Tuesday.\n\n"
    '"The problem here is that three towns are reporting cracks in their piers," Quintela said. '
    '"We have three workers injured and one who has been reported as missing.\n\n'
    '"And we know the number of cracks is significant. So we are very concerned."\n\n'
    "The pier has been closed since March.\n"
)


def test_a_cue_inside_the_quotation_does_not_take_the_turn():
    assert teller_of(INNER_CUE, "So we are very concerned") == "Quintela"
    assert teller_of(INNER_CUE, "The pier has been closed") == "unattributed"


def test_a_new_speaker_after_the_quotation_takes_the_turn():
    text = (
        "Tomas Ferreira said the cracks were old.\n\n"
        '"They are not dangerous," Ana Lopes said. "We checked them in May.\n\n'
        '"The pier will open again."\n'
    )
    assert teller_of(text, "The pier will open again") == "Ana Lopes"


# --- a speaker the two-hop rules find speaks on in the next paragraph (rule quote_after_two_hop)

def _relayed(line: str) -> str:
    return (
        "The harbour board met on Tuesday. Marta Quintela chairs it.\n\n"
        f"{line}\n\n"
        '"The pier is ours. Our fathers built it."\n\n'
        "The pier has been closed since March.\n"
    )


def test_quotation_after_quoted_as_saying_that_goes_on_the_relayed_speaker():
    for line in (
        "The Harbor Daily quoted Quintela as saying that the board would not leave.",
        "Quintela was quoted by the Harbor Daily as saying that the board would not leave.",
    ):
        text = _relayed(line)
        assert teller_of(text, "Our fathers built it") == "Harbor Daily > Quintela"
        assert teller_of(text, "closed since March") == "unattributed"


def test_quote_after_two_hop_switches_off():
    text = _relayed("The Harbor Daily quoted Quintela as saying that the board would not leave.")
    off = Settings(disabled_rules=("quote_after_two_hop",))
    assert teller_of(text, "Our fathers built it", off) == "unattributed"
