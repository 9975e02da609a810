"""The Dask engine: `analyze_chunk` as tasks on a LocalCluster here or on an existing cluster.

Imported only when Dask is used, so the in-process path never pays for importing it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from sourcetrace.corpus.ingest import _take, analyze_chunk


class PipelineLoader(WorkerPlugin):
    """Load the spaCy pipeline once when a worker starts (not inside its first task)."""

    name = "sourcetrace-pipeline"

    def __init__(self, model: str | None, gazetteers: tuple[str, ...]):
        self.model = model
        self.gazetteers = tuple(gazetteers)

    def setup(self, worker) -> None:
        from sourcetrace.nlp import get_pipeline

        get_pipeline(self.model, self.gazetteers)


def start_client(workers: int, scheduler: str | None = None, *, dashboard_address: str | None = None):
    """(client, cluster): on an existing cluster (cluster None), or a LocalCluster of `workers` processes."""
    if scheduler:
        return Client(scheduler, timeout="20s"), None
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,  # spaCy parses on one thread; the parallelism is by process
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=dashboard_address,  # None: no dashboard, no port taken
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def run_on_dask(
    chunks: Iterable[list],
    args: tuple,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    client: Client | None = None,
) -> Iterator[tuple[dict, list[str]]]:
    """Results of `analyze_chunk(chunk, *args)` in completion order, a bounded number in flight."""
    own = client is None
    cluster = None
    if own:
        client, cluster = start_client(workers, scheduler)
    try:
        client.register_plugin(PipelineLoader(*args), name=PipelineLoader.name)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = iter(chunks)
        window = 2 * n_workers  # every worker busy, one chunk queued behind it; driver memory bounded
        queue = as_completed(
            [client.submit(analyze_chunk, c, *args, pure=False) for c in _take(pending, window)]
        )
        for future in queue:
            result = future.result()
            future.release()
            for c in _take(pending, 1):
                queue.add(client.submit(analyze_chunk, c, *args, pure=False))
            yield result
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
