"""gunicorn's settings for Parley, read by gunicorn from the working directory (the
repository root) or with `-c gunicorn.conf.py`.

Requests gunicorn refuses itself, before Django sees them — a request line over
`limit_request_line` (414), too many or too large header fields (431), a malformed
request (400) — are answered in JSON like every other error of the API, not with
gunicorn's HTML page: `{"detail": "URI Too Long: ..."}` with `Content-Type:
application/json`. Everything else is configured on the command line (docs/operations.md).
"""

from __future__ import annotations

import json
import socket

from gunicorn import util

# gunicorn's own limits, stated (these are its defaults): a request line of at most 4094
# bytes (414 beyond), at most 100 header fields of at most 8190 bytes each (431 beyond).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190


def write_json_error(sock: socket.socket, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's `util.write_error`, answering JSON instead of an HTML page."""
    detail = f"{reason}: {mesg}" if mesg else reason
    body = json.dumps({"detail": detail}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


# Workers call `util.write_error` through the module, so replacing it here (before the
# workers fork) changes every worker's answers.
util.write_error = write_json_error
