"""Local development: `make run`. DEBUG on, console e-mail, embedded database."""

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)  # noqa: F405
