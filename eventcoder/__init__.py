"""eventcoder: the pure coding core (no Prefect). News text in, ACLED-style event records out."""

__version__ = "0.1.0"
