"""A Prefect API shared with worker processes: one temporary server, its URL in the environment.

Without PREFECT_API_URL, Prefect starts a temporary API inside each process that runs a flow or a
task; Dask workers would each start their own (5-10 s apiece) and report to it. Starting one here
and exporting its URL lets every worker report to the same API. It stops when the process exits,
after Prefect has flushed its logs and events (atexit runs last what was registered first).
"""

from __future__ import annotations

import atexit
import os


def shared_api() -> str:
    """The API URL workers should use: PREFECT_API_URL if set, else a temporary server started now."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    atexit.register(server.stop)
    os.environ["PREFECT_API_URL"] = server.api_url
    return server.api_url
