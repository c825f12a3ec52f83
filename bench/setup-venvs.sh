#!/usr/bin/env bash
# Creates the two ground-truth environments, build/venv-sa20 and build/venv-sa21,
# from bench/requirements-sa20.txt and bench/requirements-sa21.txt.
# Idempotent: a venv whose stamp file holds the hash of its requirements file
# (and of the Python that built it) is left alone. Needs only python3 and PyPI.
#
#   bash bench/setup-venvs.sh            # both
#   bash bench/setup-venvs.sh sa20       # one
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
flavours=("$@")
if [ ${#flavours[@]} -eq 0 ]; then flavours=(sa20 sa21); fi

hash_of() {
  "$python" - "$1" <<'PY'
import hashlib, sys, platform
data = open(sys.argv[1], "rb").read()
print(hashlib.sha256(data + platform.python_version().encode()).hexdigest())
PY
}

for flavour in "${flavours[@]}"; do
  req="$root/bench/requirements-$flavour.txt"
  venv="$root/build/venv-$flavour"
  stamp="$venv/.requirements-stamp"
  if [ ! -f "$req" ]; then
    echo "setup-venvs: no $req" >&2
    exit 2
  fi
  want="$(hash_of "$req")"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
    echo "setup-venvs: $flavour up to date"
    continue
  fi
  echo "setup-venvs: building $venv"
  rm -rf "$venv"
  mkdir -p "$root/build"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  "$venv/bin/python" -c "import sqlalchemy, sys; print('setup-venvs: $flavour has SQLAlchemy', sqlalchemy.__version__, 'on Python', sys.version.split()[0])"
  echo "$want" > "$stamp"
done
