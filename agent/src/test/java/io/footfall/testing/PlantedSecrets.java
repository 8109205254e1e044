package io.footfall.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * Source strings carrying credentials in every form Footfall knows of, with the secrets planted in each.
 * {@code HOST} stands for the host (and port) so one list serves name tests ({@code cam.local}) and runs
 * against closed ports on 127.0.0.1.
 */
public final class PlantedSecrets {
    private PlantedSecrets() {
    }

    /** A source template and the secrets planted in it. */
    public record Planted(String template, List<String> secrets) {
        public String at(String host) {
            return template.replace("HOST", host);
        }

        @Override
        public String toString() {
            return template;
        }
    }

    public static Stream<Planted> forms() {
        return Stream.of(
                new Planted("rtsp://admin:s3cretPw@HOST/stream1", List.of("s3cretPw")),
                new Planted("rtsp://admin:p@ssW0rd@HOST/stream1", List.of("p@ssW0rd", "ssW0rd")),
                new Planted("rtsp://admin:pa/ssW0rd@HOST/s", List.of("pa/ssW0rd", "ssW0rd")),
                new Planted("rtsps://viewer:Tls-Secret9@HOST/s", List.of("Tls-Secret9")),
                new Planted("rtsp://admin:p%40ss%3Aword@HOST/s", List.of("p%40ss%3Aword", "p@ss:word", "ss%3Aword")),
                new Planted("http://admin:HttpPw77@HOST/mjpeg", List.of("HttpPw77")),
                new Planted("https://admin:HttpsPw88@HOST/video.ts", List.of("HttpsPw88")),
                new Planted("rtmp://pub:RtmpKey55@HOST/live/s", List.of("RtmpKey55")),
                new Planted("rtsp://operator7@HOST/stream", List.of("operator7")),
                new Planted("rtsp://HOST/stream?user=admin&password=QueryPw1", List.of("QueryPw1")),
                new Planted("rtsp://HOST/s?USER=admin&PWD=UpperPw2", List.of("UpperPw2")),
                new Planted("http://HOST/s?pass=PassPw3&channel=1", List.of("PassPw3")),
                new Planted("https://HOST/s?token=TokVal44", List.of("TokVal44")),
                new Planted("https://HOST/s?api_key=KeyVal55&x=1", List.of("KeyVal55")),
                new Planted("https://HOST/c/v.mp4?sv=2024&sig=SigVal66%3D", List.of("SigVal66")),
                new Planted("http://HOST/s?Auth=AuthVal77", List.of("AuthVal77")),
                new Planted("rtsp://HOST/user=admin_password=PathPw88_channel=1", List.of("PathPw88")),
                new Planted("rtsp:admin:NoSlashPw9@HOST/s", List.of("NoSlashPw9")),
                new Planted("RTSP://Admin:UpperScheme1@HOST/s", List.of("UpperScheme1")));
    }

    /** Every secret of every form. */
    public static List<String> all() {
        return forms().flatMap(p -> p.secrets().stream()).distinct().toList();
    }
}
