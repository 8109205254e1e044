package io.footfall.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camera credentials kept out of the configuration: a source may name {@code ${secret:NAME}} wherever a credential
 * goes ({@code rtsp://${secret:entrance-userinfo}@10.0.0.5/stream1}), and the agent reads NAME's file from the secrets
 * folder when it opens the camera. The configuration, and so the IoT Edge deployment and the module twin, then holds
 * no password; the device's {@value #DEFAULT_DIR} (mounted read-only into the module, readable by the module's user
 * only) does. A placeholder stands where a credential goes, the user-info or a credential parameter's value: there
 * the display form of the resolved source masks it as it masks any credential.
 * The file holds the value exactly as it goes into the URL (percent-escaped where a URL needs it); one trailing
 * newline is ignored. Values are never logged: a resolved source is shown through {@link Redaction} like any other.
 */
public final class SourceSecrets {
    /** Overrides the folder. */
    public static final String ENV = "FOOTFALL_SECRETS_DIR";
    public static final String DEFAULT_DIR = "/etc/footfall/secrets";
    static final String PLACEHOLDER_START = "${secret:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{secret:([A-Za-z0-9][A-Za-z0-9_.-]{0,127})}");
    /** A secret is a password or a token, not a file: a bigger one is a mistake (a certificate, a whole config). */
    private static final long MAX_BYTES = 4096;

    private final Path dir;

    private SourceSecrets(Path dir) {
        this.dir = dir;
    }

    public static SourceSecrets from(Map<String, String> env) {
        String d = env.get(ENV);
        return new SourceSecrets(Path.of(d == null || d.isBlank() ? DEFAULT_DIR : d));
    }

    public static String placeholder(String name) {
        return PLACEHOLDER_START + name + "}";
    }

    static boolean isPlaceholder(String s) {
        return PLACEHOLDER.matcher(s).matches();
    }

    /**
     * The source with every placeholder replaced by its secret.
     *
     * @throws UnreadableSourceException a secret's file is missing, unreadable or not a plain value, naming the camera
     *                                   and the file expected (never a value)
     */
    public String resolve(String cameraId, String source) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(read(cameraId, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String read(String cameraId, String name) {
        Path file = dir.resolve(name);
        String where = "camera " + cameraId + ": its source names ${secret:" + name + "}; expected the secret in the file "
                + file + " (" + ENV + " sets the folder; 'footfall edge manifest --secrets-out' writes these files)";
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnreadableSourceException(where + ", which does not exist");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableSourceException(where + ", which holds more than " + MAX_BYTES + " bytes");
            }
            String value = Files.readString(file, StandardCharsets.UTF_8);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new UnreadableSourceException(where + ", which is empty or holds more than one line");
            }
            return value;
        } catch (IOException e) {
            throw new UnreadableSourceException(where + ", which cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
