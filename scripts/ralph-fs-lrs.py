"""Ralph's LRS with its file-system backend, for Kurs's tests: `python ralph-fs-lrs.py PORT`.

Ralph 5.1's file-system backend writes each batch of statements with the operation "create",
which refuses to touch an existing file, so only the first POST of a server's life is stored
(the next ones fail with HTTP 500 "already exists and overwrite is not allowed"). A record
store must append; this launcher makes the backend append and serves the unchanged Ralph API
with uvicorn on 127.0.0.1. Settings come from the environment (RALPH_*), as for `ralph
runserver`.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
