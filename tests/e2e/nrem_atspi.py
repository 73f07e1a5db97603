# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: finding the application on the accessibility bus, walking
its tree, and waiting for what a person would wait for. pyatspi is imported only when first
needed, once the application holds the display: imported earlier, it may let Xvfb reset."""
import time


def wait_for(what, func, timeout=30.0, interval=0.2):
    """Polls func until it returns something true; the tree changing under us is no error."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = func()
        except SystemExit:
            raise
        except Exception:
            value = None
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def walk(node, depth=0, max_depth=80):
    """Every accessible below node, depth first, skipping the ones that vanish meanwhile."""
    if node is None or depth > max_depth:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def find_app(pid):
    """The application of process pid on the accessibility bus, or None."""
    import pyatspi
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def click(node):
    """What a person does to a button: its click (or activate, press, toggle) action."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press", "toggle"):
            action.doAction(i)
            return
    action.doAction(0)


def db_value(db, sql, *args):
    """The first column of the first row a query of the database gives, or None."""
    import sqlite3
    with sqlite3.connect(db) as con:
        row = con.execute(sql, args).fetchone()
        return row[0] if row else None
