"""Corpus mode: many articles in one store, one claim's path across outlets.

- `store`: a directory of Parquet batches, each landing atomically, queried with DuckDB.
- `ingest`: files and JSON Lines -> analyses (in this process or on Dask) -> batches.
- `provenance`: claims that state the same proposition in different articles (MinHash LSH, then
  rapidfuzz), their order by date, how their sourcing drifted, and republication edges.
- `search`: claims by text, and what one actor says across the corpus.

Built on the analysis contract (`sourcetrace.model.Analysis`) and `sourcetrace.analysis` only, so a
better engine flows in unchanged. No Streamlit import here.
"""
