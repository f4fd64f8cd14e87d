"""Work spread over worker processes, results in input order.

The stages run in workers are pure functions of what they are sent (reading and
splitting a file, auditing an article against its original), so the results, and every
report built from them, are byte-identical whatever the number of workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

_In = TypeVar("_In")
_Out = TypeVar("_Out")

# Below this many items per worker, starting workers costs more than it saves.
MIN_PER_WORKER = 16


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers(items: int, jobs: int) -> int:
    """How many workers share items: at most jobs, at least MIN_PER_WORKER items each."""
    return min(jobs, items // MIN_PER_WORKER)


def ordered_map(
    fn: Callable[[_In], _Out],
    items: Sequence[_In],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[_Out]:
    """fn over items in up to jobs worker processes, yielding results in input order;
    in this process when one job is asked for or the items are too few to share.
    initializer(*initargs) runs first in each worker (and here, when there are none)."""
    count = workers(len(items), jobs)
    if count <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, items)
        return
    import multiprocessing  # here, not at start-up: most runs never start a worker
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(64, len(items) // (count * 8)))
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        yield from pool.map(fn, items, chunksize=chunk)


def jobs_value(jobs: int | None) -> int:
    """The number of workers: jobs when given (0 or less means every core), else every
    core."""
    return cores() if jobs is None or jobs <= 0 else jobs
