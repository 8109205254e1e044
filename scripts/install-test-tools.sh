#!/usr/bin/env bash
# Installs the local servers the network-source tests stream from (Debian/Ubuntu, idempotent):
#   ffmpeg                      RTMP and HTTP servers (ffmpeg -listen 1 ...) on 127.0.0.1
#   GStreamer RTSP server (gi)  an RTSP server on 127.0.0.1 (ffmpeg cannot serve RTSP to a pulling client)
#   chromium                    a headless browser that renders the agent's status page (StatusPageInChromiumTest)
# Does nothing when every tool is already there. Needs root (or sudo) to install.
set -euo pipefail

have_ffmpeg() { command -v ffmpeg >/dev/null 2>&1; }
# The system Python: python3-gi is a Debian package, invisible to a pyenv or venv python3 earlier on PATH.
python=/usr/bin/python3
have_rtsp_server() {
  [ -x "$python" ] && "$python" - <<'PY' >/dev/null 2>&1
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer
Gst.init(None)
assert all(Gst.ElementFactory.find(e) for e in ("qtdemux", "h264parse", "rtph264pay"))
PY
}

have_chromium() { [ -x /usr/bin/chromium ]; }

if have_ffmpeg && have_rtsp_server && have_chromium; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: apt-get not found; install ffmpeg, chromium and the GStreamer RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad) by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends ffmpeg python3-gi gir1.2-gst-rtsp-server-1.0 \
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad chromium >/dev/null
have_ffmpeg && have_rtsp_server && have_chromium || { echo "install-test-tools: tools still missing after install" >&2; exit 1; }
