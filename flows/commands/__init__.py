"""Sub-commands of the `eventcoder` CLI, one module each."""
