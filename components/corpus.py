"""The Corpus view: claims that travelled across outlets, one claim's dated path, its drift.

Everything decided here comes from `sourcetrace.corpus` (store, provenance, search, figures); this
module only draws it. Article strings go through `st.dataframe`, `st.text` or escaped Markdown:
text is data. The view is in the URL (?corpus=demo&cluster=p1) so a link reopens it.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from components import session
from sourcetrace import logs
from sourcetrace.corpus.figures import DRIFT_SHORT, path_figure
from sourcetrace.corpus.store import Store, StoreError
from sourcetrace.focus import Focus

DEMO = "demo"
ARTICLE_PAGE = "pages/article.py"
TABLE_KEY = "corpus-clusters"
GOTO_KEY = "corpus-goto-article"  # session: an appearance was opened; switch to the article view
OPEN_ERROR_KEY = "corpus-open-error"  # session: why an appearance could not be opened


def _md(text: str | None) -> str:
    """An article string shown through st.markdown: no HTML, no Markdown syntax."""
    out = html.escape(text or "", quote=False)
    for ch in "\\`*_{}[]<>()#+-.!|~:$":
        out = out.replace(ch, "\\" + ch)
    return out


def allowed_roots() -> list[Path]:
    """Folders the operator lets users open corpus stores under (SOURCETRACE_CORPUS_DIRS); none by default."""
    raw = os.environ.get("SOURCETRACE_CORPUS_DIRS", "")
    return [Path(p).resolve() for p in raw.split(os.pathsep) if p.strip()]


@st.cache_resource(show_spinner="Building the demo corpus (five short articles)…")
def _demo_path(model: str | None, gazetteers: tuple[str, ...]) -> str:
    from sourcetrace.analysis import Settings
    from sourcetrace.corpus.demo import build_demo

    return str(build_demo(Settings(model=model, gazetteers=gazetteers)).path)


def open_store(ref: str) -> Store:
    """'demo' -> the bundled demo corpus; a path -> a store under an allowed folder."""
    if ref == DEMO:
        s = session.settings()
        return Store(_demo_path(s.model, s.gazetteers))
    path = Path(ref).expanduser().resolve()
    roots = allowed_roots()
    if not any(path == r or r in path.parents for r in roots):
        raise StoreError(
            "This server opens the bundled demo corpus only; the operator can allow folders "
            "with SOURCETRACE_CORPUS_DIRS."
        )
    return Store(path)


def _signature(store: Store) -> tuple[str, ...]:
    return tuple(p.name for p in store.batch_dirs())


@st.cache_data(max_entries=8, show_spinner="Following claims across the corpus…")
def _report(path: str, signature: tuple[str, ...], min_articles: int) -> dict:
    # keyed by the committed batches: a corpus that grows gets a fresh report
    from sourcetrace.corpus.provenance import provenance

    report = provenance(Store(path), min_articles=min_articles)
    report["stats"] = Store(path).stats()
    return report


def cluster_rows(clusters: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": c["id"],
                "publishers": c["publishers"],
                "articles": c["articles"],
                "claim": c["claim"],
                "first": c["first"]["published"] or "undated",
                "first publisher": c["first"]["publisher"] or "unknown",
                "drift": ", ".join(dict.fromkeys(DRIFT_SHORT.get(d["kind"], d["kind"]) for d in c["drift"])),
            }
            for c in clusters
        ],
        columns=["id", "publishers", "articles", "claim", "first", "first publisher", "drift"],
    )


def render_corpus() -> None:
    if st.session_state.pop(GOTO_KEY, False):
        st.switch_page(ARTICLE_PAGE)
    if err := st.session_state.pop(OPEN_ERROR_KEY, None):
        st.error(err)
    ref = st.query_params.get("corpus") or DEMO
    st.markdown("#### Corpus: claims across articles")
    roots = allowed_roots()
    if roots:
        typed = st.text_input(
            "Corpus store folder",
            value="" if ref == DEMO else ref,
            placeholder="a folder made by `python -m sourcetrace corpus ingest --db`; empty for the demo",
        )
        new_ref = typed.strip() or DEMO
        if new_ref != ref:
            st.query_params["corpus"] = new_ref
            st.query_params.pop("cluster", None)
            ref = new_ref
    try:
        store = open_store(ref)
        report = _report(str(store.path), _signature(store), 2)
    except Exception as err:  # noqa: BLE001 - a sentence, never a traceback
        logs.log_error(err, stage="corpus")
        st.error(session.user_message(err))
        return
    stats = report["stats"]
    label = "The bundled demo corpus (fictional outlets)" if ref == DEMO else _md(str(store.path))
    st.caption(
        f"{label} · {stats['articles']:,} articles from {stats['publishers']:,} publishers · "
        f"{stats['claims']:,} claims · {stats['actors']:,} actors · {stats['events']:,} events"
    )
    clusters = report["clusters"]
    if not clusters:
        st.info("No claim appears in more than one article of this corpus.")
        _render_search(store)
        return
    by_id = {c["id"]: c for c in clusters}
    chosen = st.query_params.get("cluster")
    if chosen not in by_id:
        chosen = clusters[0]["id"]

    st.markdown(f"##### Claims that travelled · {len(clusters)}")
    table = cluster_rows(clusters)

    def _on_select() -> None:
        rows = st.session_state[TABLE_KEY].selection.rows
        if rows:
            st.query_params["cluster"] = table.iloc[rows[0]]["id"]

    st.dataframe(
        table,
        key=TABLE_KEY,
        on_select=_on_select,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height=min(35 * (len(table) + 1) + 3, 290),
        column_config={
            "id": st.column_config.TextColumn("id", width="small"),
            "publishers": st.column_config.NumberColumn(
                "publishers", help="how far it spread", width="small"
            ),
            "articles": st.column_config.NumberColumn("articles", width="small"),
            "claim": st.column_config.TextColumn("claim", width="large"),
        },
    )
    st.caption("Ranked by how many publishers repeated the claim. Select a row to follow its path.")
    render_cluster(store, by_id[chosen], report["republications"])
    _render_search(store)


def render_cluster(store: Store, cluster: dict, republications: list[dict]) -> None:
    first = cluster["first"]
    st.markdown(f"##### {cluster['id']} · {_md(cluster['claim'])}")
    st.caption(
        f"First: {_md(first['publisher'] or 'publisher unknown')} "
        f"on {_md(first['published'] or 'an unknown date')}"
        f" · {cluster['articles']} articles · {cluster['publishers']} publishers"
    )
    st.plotly_chart(
        path_figure(cluster, republications),
        key=f"corpus-path-{cluster['id']}",
        width="stretch",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )
    st.caption(
        "Marker shape: the kind of the innermost source · dotted: the claim's path by date · "
        "green arrow: republication found from the texts · red: a change of sourcing"
    )
    if cluster["drift"]:
        st.markdown("**How the sourcing changed**")
        for d in cluster["drift"]:
            st.markdown(f"- :red[{_md(DRIFT_SHORT.get(d['kind'], d['kind']))}] — {_md(d['text'])}")
    else:
        st.caption("The sourcing is the same in every appearance.")
    st.markdown("**Appearances**")
    for n, a in enumerate(cluster["appearances"]):
        with st.container(border=True, key=f"corpus-app-{n}"):
            left, right = st.columns([5, 1], vertical_alignment="center")
            with left:
                badges = [a["innermost_kind"]]
                if a["hedged"]:
                    badges.append("hedged")
                if a["stance"] == "denies":
                    badges.append("denied")
                st.markdown(
                    f"**{_md(a['publisher'] or 'publisher unknown')}** · "
                    f"{_md(a['published'] or 'undated')} · "
                    f"{_md(a['title'] or '')}  \n"
                    + " › ".join(_md(x) for x in a["chain"])
                    + "  \n"
                    + " ".join(f":gray-badge[{_md(b)}]" for b in badges)
                )
                st.text(a["content"])
            with right:
                st.button(
                    "Open article",
                    key=f"corpus-open-{n}",
                    icon=":material/open_in_new:",
                    help="Open this article in the single-article views with this claim focused",
                    on_click=open_appearance,
                    args=(str(store.path), a),
                )


def open_appearance(store_path: str, appearance: dict) -> None:
    """Button callback: show the article in the single-article views with this claim focused.

    A callback, so the choice survives any rerun before the script body; the body then switches
    to the article view (st.switch_page is for the body, not for callbacks).
    """
    from sourcetrace.corpus.search import find_claim

    article = Store(store_path).analysis(appearance["article"]).article
    if not session.try_show(lambda: article):
        st.session_state[OPEN_ERROR_KEY] = (
            st.session_state.get(session.ERROR_KEY) or "This article could not be opened."
        )
        return
    claim_id = find_claim(session.analyze(article), appearance["content"], None, appearance.get("claim_id"))
    if claim_id:
        session.set_focus(Focus(type="claim", id=claim_id))
        st.session_state[session.SCROLL_KEY] = f"claim-{claim_id}"
    for k in ("corpus", "cluster", "q"):
        st.query_params.pop(k, None)
    st.session_state[GOTO_KEY] = True


def _render_search(store: Store) -> None:
    from sourcetrace.corpus.search import search_actor, search_claims

    with st.expander("Search the corpus", expanded=bool(st.query_params.get("q"))):
        mode = st.radio(
            "Search",
            ["claims", "an actor"],
            horizontal=True,
            key="corpus-search-mode",
            label_visibility="collapsed",
        )
        q = st.text_input(
            "Words of a claim" if mode == "claims" else "An actor's name",
            value=st.query_params.get("q", ""),
            key="corpus-search-q",
        )
        if not q.strip():
            return
        st.query_params["q"] = q
        if mode == "claims":
            hits = search_claims(store, q)["claims"]
            head = f"{len(hits)} claims"
        else:
            found = search_actor(store, q)
            if found["actor"] is None:
                st.caption("No actor of that name in this corpus.")
                return
            a = found["actor"]
            hits = found["claims"]
            head = (
                f"{_md(a['name'])} ({_md(a['type'])}) in {a['articles']} articles · "
                f"{len(hits)} claims on its word · named in {len(found['mentioned_in'])} more"
            )
        st.caption(head)
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "published": h["published"],
                        "publisher": h["publisher"],
                        "chain": " › ".join(h["chain"]),
                        "claim": h["content"],
                    }
                    for h in hits
                ],
                columns=["published", "publisher", "chain", "claim"],
            ),
            hide_index=True,
            width="stretch",
        )
