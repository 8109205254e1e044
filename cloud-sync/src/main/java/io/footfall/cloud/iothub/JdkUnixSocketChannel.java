package io.footfall.cloud.iothub;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The IoT Edge workload API's Unix socket ({@code IOTEDGE_WORKLOADURI=unix:///var/run/iotedge/workload.sock}) on the
 * JDK's own Unix domain sockets: SDK v2 dropped its JNR implementation and asks the caller for one. Not thread-safe:
 * the SDK uses one per request.
 */
final class JdkUnixSocketChannel implements UnixDomainSocketChannel {
    private SocketChannel channel;

    @Override
    public void open(String address) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(address));
    }

    @Override
    public void write(byte[] output) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(output);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public int read(byte[] input) throws IOException {
        return channel.read(ByteBuffer.wrap(input));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
