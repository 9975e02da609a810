"""The Dask engine: `analyze_chunk` as tasks on a LocalCluster here or on an existing cluster.

Imported only when Dask is used, so the in-process path never pays for importing it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

WARM_UP_TEXT = (
    "Council approves the budget\n\nMayor Lena Ortiz said on Tuesday that the council approved the "
    "budget for the new bridge, according to a statement from the city.\n"
)


class PipelineLoader(WorkerPlugin):
    """Load the spaCy pipeline (and warm the stages) once when a worker starts, not in its first task."""

    name = "sourcetrace-pipeline"

    def __init__(self, model: str | None, gazetteers: tuple[str, ...]):
        self.model = model
        self.gazetteers = tuple(gazetteers)

    def setup(self, worker) -> None:
        from sourcetrace.analysis import Settings, analyze_many, prepare_article
        from sourcetrace.nlp import get_pipeline

        get_pipeline(self.model, self.gazetteers)
        # one tiny analysis fills the stages' lazy caches (lexicons, the learned cue model) too
        warm = prepare_article(WARM_UP_TEXT)
        list(analyze_many([warm], Settings(model=self.model, gazetteers=self.gazetteers)))


def start_client(workers: int, scheduler: str | None = None, *, dashboard_address: str | None = None):
    """(client, cluster): on an existing cluster (cluster None), or a LocalCluster of `workers` processes."""
    if scheduler:
        return Client(scheduler, timeout="20s"), None
    # no dashboard here, so no use for the workers' statistical profiler (it samples every 10 ms)
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = _local_cluster(workers, dashboard_address)
    return Client(cluster), cluster


def _local_cluster(workers: int, dashboard_address: str | None) -> LocalCluster:
    return LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,  # spaCy parses on one thread; the parallelism is by process
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=dashboard_address,  # None: no dashboard, no port taken
        silence_logs=logging.ERROR,
    )


def run_on_dask(
    task: Callable[..., tuple[dict, list[str]]],
    chunks: Iterable[list],
    args: tuple,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    client: Client | None = None,
) -> Iterator[tuple[dict, list[str]]]:
    """Results of `task(chunk, *args)` (ingest.analyze_chunk) in completion order, a bounded number
    in flight. The task is handed in, so this module needs nothing from ingest (no import cycle)."""
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
            [client.submit(task, c, *args, pure=False) for c in itertools.islice(pending, window)]
        )
        for future in queue:
            result = future.result()
            future.release()
            for c in itertools.islice(pending, 1):
                queue.add(client.submit(task, c, *args, pure=False))
            yield result
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
