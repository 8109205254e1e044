"""A real RTSP server on 127.0.0.1 for the network-source tests (GStreamer's gst-rtsp-server).

usage: rtsp_server.py PORT PATH CLIP.mp4 [USER PASSWORD]
Serves CLIP (H.264 in mp4) at rtsp://127.0.0.1:PORT/PATH, once per client session (a client that reconnects after the
end sees it again), with Basic authentication when a user
is given. Prints "ready" once listening. ffmpeg cannot serve RTSP to a pulling client, hence this.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

Gst.init(None)
port, path, clip = sys.argv[1], sys.argv[2], sys.argv[3]

server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    f'( filesrc location="{clip}" ! qtdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )')
factory.set_shared(True)

if len(sys.argv) > 5:
    user, password = sys.argv[4], sys.argv[5]
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
    permissions.add_permission_for_role("viewer", GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
    factory.set_permissions(permissions)

server.get_mount_points().add_factory("/" + path, factory)
if server.attach(None) == 0:
    print("cannot listen on port " + port, flush=True)
    sys.exit(1)
print("ready", flush=True)
GLib.MainLoop().run()
