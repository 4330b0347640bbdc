"""The same sweep on a real Dask LocalCluster (loopback) as on the local pool and in-process."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip(
    "distributed", reason="the dask extra is not installed: pip install 'combalg[dask]' to run the Dask tests")

from combalg.sweep import sweep  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as c:
        yield c


def _essence(result):
    return [(r["index"], r["parameters"], r["status"], r["outcome"], r["first_mismatch"], r["error"])
            for r in result.to_records()]


def test_dask_gives_the_results_of_the_pool_and_of_one_process(cluster, tmp_path):
    grid = {"profile": ["10", "110", "1100", "110100"], "order": [6, 12]}
    one = sweep("cylindric.borodin", grid, workers=1, progress=False)
    pool = sweep("cylindric.borodin", grid, workers=2, progress=False)
    dask = sweep("cylindric.borodin", grid, scheduler=cluster.scheduler_address, progress=False,
                 store=tmp_path / "d.sqlite")
    assert one.ok and _essence(one) == _essence(pool) == _essence(dask)


def test_dask_with_a_client_records_errors_and_timeouts(cluster):
    def odd(n):
        if n == 2:
            while True:  # Python-level work: stopped at the timeout
                pass
        if n == 3:
            raise ArithmeticError("three")
        return n % 2 == 0

    with distributed.Client(cluster, set_as_default=False) as client:
        r = sweep(odd, {"n": range(6)}, scheduler=client, timeout=1, progress=False)
    assert [x["status"] for x in r.to_records()] == ["ok", "counterexample", "timeout", "error", "ok",
                                                     "counterexample"]
    local = sweep(odd, {"n": range(6)}, workers=2, timeout=1, progress=False)
    assert [x["status"] for x in local.to_records()] == [x["status"] for x in r.to_records()]
