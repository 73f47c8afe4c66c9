"""The nightly job's stories on a Ray cluster (`--engine ray`): Ray is an optional extra.

The address comes from Ray's usual settings (RAY_ADDRESS); without one a local Ray runtime
starts. Each worker is an actor, so each loads the model once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from ..errors import SummarizeError


def run_on_ray(fn: Callable, jobs: Sequence, workers: int) -> Iterator:  # type: ignore[type-arg]
    """`fn(*job)` for every job on `workers` Ray actors, in completion order."""
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as err:
        raise SummarizeError('--engine ray needs Ray: pip install -e ".[ray]"') from err
    if not ray.is_initialized():
        ray.init(
            address=os.environ.get("RAY_ADDRESS") or None,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    actor = ray.remote(_Worker)
    pool = ActorPool([actor.remote() for _ in range(max(1, workers))])
    yield from pool.map_unordered(lambda worker, job: worker.run.remote(fn, *job), list(jobs))


class _Worker:
    def run(self, fn, *job):  # type: ignore[no-untyped-def]
        return fn(*job)
