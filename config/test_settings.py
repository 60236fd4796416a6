"""Settings for the test suite: the real settings, with a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-not-a-secret")

from config.settings import *  # noqa: F403
