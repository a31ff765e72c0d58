"""`datasets.Dataset.map(..., batched=True, num_proc=2)` with asimtext inside.

`datasets` forks its workers (after this process used the thread pool) and
hands them batches as lists, or as Arrow tables with `with_format("arrow")`,
whose columns the batch functions read in place. Run in a subprocess with a
timeout, so that a hang fails the test instead of blocking the suite.
"""

import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("datasets")

SCRIPT = textwrap.dedent(
    """
    import asimtext, datasets, pyarrow as pa

    texts = ["क़ानून  मंत्री ने 12 मार्च 2024 को ₹5 करोड़ दिए।", "Rs 5 crore on 12 March 2024.", "मुंबई में   बारिश"] * 64
    expected = [asimtext.normalize(t) for t in texts]
    asimtext.normalize_batch(texts)  # the parent's pool runs before the workers fork

    def as_lists(batch):
        return {"norm": asimtext.normalize_batch(batch["text"]),
                "spans": [len(s) for s in asimtext.extract_batch(batch["text"])]}

    def as_arrow(batch):  # a pyarrow.Table in, Arrow columns out
        return pa.table({"norm": asimtext.normalize_batch(batch.column("text"), output="arrow")})

    ds = datasets.Dataset.from_dict({"text": texts})
    out = ds.map(as_lists, batched=True, batch_size=20, num_proc=2)
    assert out["norm"] == expected, "lists"
    assert out["spans"] == [len(asimtext.extract(t)) for t in texts]
    out = ds.with_format("arrow").map(as_arrow, batched=True, batch_size=20, num_proc=2)
    assert out.with_format(None)["norm"] == expected, "arrow"
    print("ok")
    """
)


def test_dataset_map_num_proc(tmp_path):
    env = dict(os.environ, HF_DATASETS_CACHE=str(tmp_path), HF_HUB_OFFLINE="1",
               HF_DATASETS_OFFLINE="1")
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                       timeout=600, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip().endswith("ok")
