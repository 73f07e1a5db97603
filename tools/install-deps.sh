#!/bin/sh
# Installs the build and test dependencies that are missing, and says which.
# Debian/Ubuntu: apt-get; Fedora: dnf. Uses sudo when not root.
set -eu

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

if command -v apt-get >/dev/null 2>&1; then
  pkgs="meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libjson-glib-dev
        libsqlite3-dev gettext desktop-file-utils appstream libglib2.0-dev-bin xvfb xauth
        dbus dbus-x11 at-spi2-core python3-pyatspi python3-gi sqlite3 python3-jsonschema
        python3-icalendar python3-vobject libxml2-utils poppler-utils"
  missing=""
  for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing missing packages:$missing"
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
  fi
elif command -v dnf >/dev/null 2>&1; then
  pkgs="meson ninja-build pkgconf-pkg-config gcc gtk4-devel libadwaita-devel json-glib-devel
        sqlite-devel gettext desktop-file-utils appstream glib2-devel xorg-x11-server-Xvfb
        xorg-x11-xauth dbus-daemon dbus-x11 at-spi2-core python3-pyatspi sqlite
        python3-jsonschema python3-icalendar python3-vobject libxml2 poppler-utils"
  missing=""
  for p in $pkgs; do
    rpm -q "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing missing packages:$missing"
    # shellcheck disable=SC2086
    $SUDO dnf install -y $missing
  fi
else
  echo "Neither apt-get nor dnf found: install meson, GTK 4, libadwaita, json-glib and SQLite yourself." >&2
fi
