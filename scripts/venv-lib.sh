# Sourced by the scripts that keep a Python venv of their own under .footfall/: one way to tell a venv is installed
# from exactly the given requirement files (a stamp named for their hash, so editing a pin reinstalls and an unchanged
# file is a no-op), and one way to create and fill it.

# venv_stamp VENV REQ...: the stamp file that marks VENV installed from exactly these files.
venv_stamp() {
  local venv=$1
  shift
  echo "$venv/.installed-$(sha256sum "$@" | sha256sum | cut -c1-16)"
}

# venv_install LABEL VENV REQ...: creates VENV if needed (FOOTFALL_PYTHON, else python3) and pip-installs each file.
venv_install() {
  local label=$1 venv=$2 f
  shift 2
  if [ ! -x "$venv/bin/python" ]; then
    echo "$label: creating $venv" >&2
    "${FOOTFALL_PYTHON:-python3}" -m venv "$venv"
  fi
  for f in "$@"; do
    echo "$label: pip install -r $(basename "$f")" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$f"
  done
}
