package io.footfall.agent;

import io.footfall.agent.spi.Snapshot;
import io.footfall.annotate.FrameAnnotator;
import io.footfall.pipeline.LiveView;
import io.footfall.video.Frame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The latest annotated frame of each camera as JPEG. Stateless. */
final class Snapshots {
    private Snapshots() {
    }

    static List<Snapshot> of(List<CameraRunner> runners) {
        List<Snapshot> out = new ArrayList<>();
        try (FrameAnnotator annotator = new FrameAnnotator()) {
            for (CameraRunner r : runners) {
                LiveView.Moment m = r.view().latest().orElse(null);
                if (m == null) {
                    continue;
                }
                Frame annotated = annotator.annotate(m.frame(), m.overlay());
                Instant at = r.startInstant().plusMillis(m.frame().ptsMillis());
                out.add(new Snapshot(r.cameraId(), at, m.frame().index(), jpeg(annotated)));
            }
        }
        return out;
    }

    static byte[] jpeg(Frame f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        ByteBuffer src = f.bgr().duplicate();
        int row = f.width() * 3;
        for (int y = 0; y < f.height(); y++) {
            src.limit(y * f.stride() + row).position(y * f.stride());
            src.get(dst, y * row, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a snapshot", e);
        }
        return bytes.toByteArray();
    }
}
