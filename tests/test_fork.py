"""Parallel calls after fork(): the child's own parallel calls must work.

rayon's pool is threads, and a forked child has only one: without care the
child's first parallel call waits for ever on workers that do not exist.
Each child runs under an alarm, so a hang fails the test instead of blocking.
"""

import multiprocessing
import os
import signal
import sys

import asimtext
import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

TEXTS = [
    "क़ानून  मंत्री ने 12 मार्च 2024 को ₹5 करोड़ की घोषणा की।",
    "The minister announced Rs 5 crore on 12 March 2024.",
    "मुंबई में   बारिश",
] * 40


def _child_work() -> int:
    """The child's parallel calls, checked against the parent's answers."""
    norm = asimtext.normalize_batch(TEXTS)
    if norm != [asimtext.normalize(t) for t in TEXTS]:
        return 3
    sig = asimtext.MinHasher(num_perm=32).signatures(TEXTS)
    if sig.shape != (len(TEXTS), 32) or (sig[0] != sig[3]).any():
        return 4
    spans = asimtext.extract_batch(TEXTS)
    if [len(s) for s in spans] != [len(asimtext.extract(t)) for t in TEXTS]:
        return 5
    return 0


def _run_in_child(fn, timeout: int = 60) -> int:
    """Fork; the child runs ``fn`` under an alarm and exits with its code."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            signal.alarm(timeout)
            code = fn()
        except BaseException:  # noqa: BLE001 - reported through the exit code
            import traceback

            traceback.print_exc()
            code = 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


@pytest.fixture
def parent_used_pool():
    # The parent's pool must be running (threads started) when it forks.
    asimtext.normalize_batch(TEXTS)
    asimtext.MinHasher(num_perm=32).signatures(TEXTS)
    asimtext.extract_batch(TEXTS)


def test_child_parallel_calls_after_parent_used_the_pool(parent_used_pool):
    code = _run_in_child(_child_work)
    assert code != -signal.SIGALRM, "the forked child hung in a parallel call"
    assert code == 0


def test_grandchild_parallel_calls(parent_used_pool):
    def child():
        if _child_work():  # the child makes its own pool, then forks again
            return 6
        return _run_in_child(_child_work)

    code = _run_in_child(child)
    assert code == 0


def test_parent_still_works_after_fork(parent_used_pool):
    assert _run_in_child(_child_work) == 0
    assert asimtext.normalize_batch(TEXTS) == [asimtext.normalize(t) for t in TEXTS]


def _normalize_many(texts):
    return asimtext.normalize_batch(texts)


@pytest.mark.skipif(sys.platform == "darwin", reason="fork start method is unsafe on macOS")
def test_fork_pool_maps_normalize(parent_used_pool):
    ctx = multiprocessing.get_context("fork")
    chunks = [TEXTS[i : i + 10] for i in range(0, len(TEXTS), 10)]
    with ctx.Pool(2) as pool:
        one = pool.map_async(asimtext.normalize, TEXTS).get(timeout=120)
        many = pool.map_async(_normalize_many, chunks).get(timeout=120)
    expected = [asimtext.normalize(t) for t in TEXTS]
    assert one == expected
    assert [t for c in many for t in c] == expected
