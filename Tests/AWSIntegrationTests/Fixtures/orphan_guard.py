"""Ends this process when the process that started it goes away.

The Swift tests stop every server they start, but a test runner that is killed (a CI
timeout, a crash) cannot: without this, moto and the fixture servers would outlive it.
A child whose parent dies is re-parented, so a change of getppid() is the signal. The
Swift side passes its pid in OPSDECK_PARENT_PID, which also covers a parent that died
before the guard started.
"""

import os
import threading
import time


def exit_with_parent(interval=0.5):
    parent = int(os.environ.get("OPSDECK_PARENT_PID") or os.getppid())

    def watch():
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-guard", daemon=True).start()
