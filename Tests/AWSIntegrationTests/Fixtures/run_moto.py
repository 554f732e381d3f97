#!/usr/bin/env python3
"""Runs moto_server with the given arguments (`-H 127.0.0.1 -p PORT`) until it is stopped
or the process that started it goes away."""

import sys

import orphan_guard

orphan_guard.exit_with_parent()

from moto.server import main  # noqa: E402  (after the guard: importing moto takes a while)

main(sys.argv[1:])
