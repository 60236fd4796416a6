"""Settings for the test suite: the real settings, with a throwaway secret key."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-a-secret")

from config.settings import *  # noqa: F403

# The synthetic-data generator is tooling, tested with the product.
if "bench.synthetic" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "bench.synthetic"]  # noqa: F405

# The suite makes thousands of requests a minute from one address; throttling has its own
# test with low rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: memory databases lock whole tables and ignore the
    # busy timeout, so concurrency tests would measure SQLite's test mode, not Parley.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"parley-test-{os.getpid()}.sqlite3")
    }
