package io.footfall.video;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that removes credentials from source strings and from anything that may quote them.
 * Every source is treated as secret-bearing: its user-info ({@code user:password@}, including passwords
 * holding {@code @}, {@code /} or percent escapes, and a bare {@code user@}) and the values of credential-like
 * parameters ({@code password=}, {@code pwd=}, {@code pass=}, {@code user=}, {@code token=}, {@code key=},
 * {@code sig=}, {@code auth=}..., any case, in the query or the path as some cameras put them) are masked.
 *
 * <p>{@link #source} gives the display form of a source (logs, errors, {@code run.json}, the outbox's stored
 * configuration); {@link #message} cleans text that came back from FFmpeg or JavaCV, which quote the raw URL;
 * {@link #text} cleans free text with no known source (FFmpeg's log lines, a usage error);
 * {@link #exception} rebuilds an exception chain with cleaned messages. Stateless, thread-safe.
 */
public final class Redaction {
    /** What replaces a secret. */
    public static final String MASK = "***";

    /** Parameter names whose values are credentials (matched as substrings, any case). */
    private static final String SECRET_KEY = "[\\w.\\-]*(?:pass|pwd|user|login|token|key|sig|auth|secret|cred|session)[\\w.\\-]*";
    /** {@code name=value} after {@code ?}, {@code &}, {@code ;}, {@code /} or {@code _}; the value ends at a separator. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(?<=^|[?&;/_#])(" + SECRET_KEY + ")(=|%3D)([^&;#\\s\"'<>]*)");
    /**
     * Names that are credentials wherever they stand, also after a quote or a space ({@code "AccountKey=..."} in a
     * config error, {@code pw=x SharedAccessKey=y}): the connection-string and common secret names, whole words only
     * so that log fields such as {@code signal=} stay readable.
     */
    private static final Pattern CREDENTIAL_ANYWHERE = Pattern.compile("(?i)(?<!\\{)\\b(accountkey|sharedaccesskey|"
            + "sharedaccesssignature|sig|password|passwd|pwd|token|access_token|secret|client_secret|apikey|api_key)"
            + "(=|%3D|\"?\\s*:\\s*\"?)([^&;#\\s\"'<>,}]*)");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i)" + SECRET_KEY);

    /** {@code scheme://} as it starts a URL inside free text. */
    private static final Pattern URL_START = Pattern.compile("(?i)\\b[a-z][a-z0-9+.\\-]*://");
    /** Where a URL quoted in free text ends. */
    private static final Pattern URL_END = Pattern.compile("[\\s\"'<>]|$");
    /** {@code Authorization: Basic xxx} and the like, should FFmpeg ever print request headers. */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)((?:proxy-)?authorization:\\s*\\S+\\s+)\\S+");

    private Redaction() {
    }

    /**
     * The display form of a source: {@code rtsp://admin:p@ss@cam/s?token=x} becomes
     * {@code rtsp://***@cam/s?token=***}. Strings with no {@code scheme://} (files, {@code usb:0}) come back
     * with only credential-like parameters masked.
     */
    public static String source(String source) {
        if (source == null) {
            return null;
        }
        Matcher m = URL_START.matcher(source);
        if (!m.lookingAt()) {
            int at = bareUserInfoEnd(source);
            return maskParams(at < 0 ? source : source.substring(0, source.indexOf(':') + 1) + MASK + source.substring(at));
        }
        return m.group() + maskAfterScheme(source.substring(m.end()));
    }

    /** Whether a parameter or field of this name holds a credential ({@code password}, {@code sasToken}, {@code key}...). */
    public static boolean isCredentialName(String name) {
        return CREDENTIAL_NAME.matcher(name).matches();
    }

    /**
     * A source with each credential (its user-info, the value of each credential-like parameter) replaced by
     * {@code ${secret:NAME}}, and the credentials by those names: what can be shown or stored in place of the source
     * while the credentials go elsewhere ({@link SourceSecrets} puts them back). Names are {@code prefix-userinfo} and
     * {@code prefix-PARAMETER}.
     */
    public static Templated templated(String source, String prefix) {
        Map<String, String> secrets = new LinkedHashMap<>();
        String out = source;
        Matcher scheme = URL_START.matcher(source);
        int userInfoStart = scheme.lookingAt() ? scheme.end() : source.indexOf(':') + 1;
        String rest = source.substring(userInfoStart);
        int at = scheme.lookingAt() ? userInfoEnd(rest) : bareUserInfoEnd(source) - userInfoStart;
        if (at > 0 && !SourceSecrets.isPlaceholder(rest.substring(0, at))) {
            String name = prefix + "-userinfo";
            secrets.put(name, rest.substring(0, at));
            out = source.substring(0, userInfoStart) + SourceSecrets.placeholder(name) + rest.substring(at);
        }
        for (Pattern p : List.of(SECRET_PARAM, CREDENTIAL_ANYWHERE)) {
            out = p.matcher(out).replaceAll(mr -> {
                if (mr.group(3).isEmpty() || mr.group(3).startsWith(SourceSecrets.PLACEHOLDER_START)) {
                    return Matcher.quoteReplacement(mr.group());
                }
                String name = prefix + "-" + mr.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
                secrets.put(name, mr.group(3));
                return Matcher.quoteReplacement(mr.group(1) + mr.group(2) + SourceSecrets.placeholder(name));
            });
        }
        return new Templated(out, secrets);
    }

    /** A source whose credentials are placeholders, and the credentials by placeholder name. */
    public record Templated(String source, Map<String, String> secrets) {
        public Templated {
            secrets = Map.copyOf(secrets);
        }
    }

    /**
     * Text that may quote the source (an FFmpeg or JavaCV message): the raw source becomes its display form,
     * every credential of it (raw, percent-decoded, percent-encoded, base64 {@code user:password}) becomes
     * {@value #MASK}, and any other URL in the text is masked as by {@link #text}.
     */
    public static String message(String message, String source) {
        if (message == null) {
            return null;
        }
        String out = message;
        if (source != null && !source.isEmpty()) {
            out = out.replace(source, source(source));
            for (String secret : secrets(source)) {
                out = out.replace(secret, MASK);
            }
        }
        return text(out);
    }

    /** Free text with no known source: every {@code scheme://...} in it masked, and credential headers and parameters. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher start = URL_START.matcher(text);
        int pos = 0;
        while (start.find(pos)) {
            out.append(maskParams(text.substring(pos, start.start())));
            Matcher end = URL_END.matcher(text);
            end.find(start.end());
            int urlEnd = end.start();
            // Punctuation that ends a sentence is not part of the URL ("cannot open rtsp://cam/s: refused").
            while (urlEnd > start.end() && ".,:;)!".indexOf(text.charAt(urlEnd - 1)) >= 0) {
                urlEnd--;
            }
            out.append(start.group()).append(maskAfterScheme(text.substring(start.end(), urlEnd)));
            pos = urlEnd;
            if (pos >= text.length()) {
                break;
            }
        }
        if (pos < text.length()) {
            out.append(maskParams(text.substring(pos)));
        }
        return AUTH_HEADER.matcher(out).replaceAll("$1" + MASK);
    }

    /**
     * An exception chain safe to print or log: each throwable becomes a {@link RedactedException} with the
     * original class name, a {@linkplain #message cleaned} message, the original stack trace and a cleaned cause.
     * The originals are not kept, so no {@code printStackTrace} can reach their messages.
     */
    public static RedactedException exception(Throwable t, String source) {
        return exception(t, source, UnaryOperator.identity());
    }

    /** {@link #exception(Throwable, String)}, each cleaned message then passed through {@code tidy}. */
    public static RedactedException exception(Throwable t, String source, UnaryOperator<String> tidy) {
        if (t == null) {
            return null;
        }
        String msg = message(t.getMessage(), source);
        RedactedException copy = new RedactedException(t.getClass().getName(), msg == null ? null : tidy.apply(msg),
                t.getCause() == t ? null : exception(t.getCause(), source, tidy));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(exception(s, source, tidy));
        }
        return copy;
    }

    /**
     * The credentials in a source, in every spelling a message may show them, longest first so that a
     * password containing the user name is replaced whole.
     */
    static Set<String> secrets(String source) {
        Set<String> raw = new LinkedHashSet<>();
        Matcher scheme = URL_START.matcher(source);
        if (scheme.lookingAt()) {
            String rest = source.substring(scheme.end());
            int at = userInfoEnd(rest);
            if (at > 0) {
                String userInfo = rest.substring(0, at);
                raw.add(userInfo);
                int colon = userInfo.indexOf(':');
                if (colon >= 0) {
                    raw.add(userInfo.substring(0, colon));
                    raw.add(userInfo.substring(colon + 1));
                }
                String decoded = decode(userInfo);
                raw.add(Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
            }
        } else if (bareUserInfoEnd(source) >= 0) {
            raw.add(source.substring(source.indexOf(':') + 1, bareUserInfoEnd(source)));
        }
        Matcher p = SECRET_PARAM.matcher(source);
        while (p.find()) {
            raw.add(p.group(3));
        }
        Set<String> all = new LinkedHashSet<>();
        for (String s : raw) {
            all.add(s);
            all.add(decode(s));
            all.add(URLEncoder.encode(decode(s), StandardCharsets.UTF_8));
        }
        // Very short values (a one-letter user) would blank out unrelated words; the URL forms cover them.
        all.removeIf(s -> s.length() < 3);
        return all.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /** Everything after {@code scheme://}: user-info masked, then parameters. */
    private static String maskAfterScheme(String rest) {
        int at = userInfoEnd(rest);
        String masked = at >= 0 ? MASK + rest.substring(at) : rest;
        return maskParams(masked);
    }

    /**
     * Where the user-info ends (the index of its {@code @}), or -1. FFmpeg ends the authority at the first
     * {@code /?#} and takes the last {@code @} before it; a password may hold those characters unescaped, so
     * here the user-info runs to the last {@code @} before the first {@code ?} or {@code #} that follows an
     * {@code @} (too much masked beats a password shown).
     */
    private static int userInfoEnd(String rest) {
        int first = rest.indexOf('@');
        if (first < 0) {
            return -1;
        }
        int query = indexOfAny(rest, "?#", first);
        String head = query < 0 ? rest : rest.substring(0, query);
        return head.lastIndexOf('@');
    }

    /**
     * A URL mistyped without {@code //} ({@code rtsp:admin:pw@cam}) still carries a password: the end of
     * {@code :...@}, or -1.
     */
    private static int bareUserInfoEnd(String s) {
        int colon = s.indexOf(':');
        int at = s.lastIndexOf('@');
        return colon >= 0 && at > colon ? at : -1;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String maskParams(String s) {
        return mask(CREDENTIAL_ANYWHERE, mask(SECRET_PARAM, s));
    }

    private static String mask(Pattern p, String s) {
        return p.matcher(s).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + mr.group(2)
                + (mr.group(3).isEmpty() ? "" : MASK)));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * A copy of an exception whose message had credentials in it. {@link #toString()} shows the original class
     * name, so a {@code --verbose} stack trace reads as before, minus the secrets.
     */
    public static final class RedactedException extends RuntimeException {
        private final String originalClass;

        RedactedException(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class of the exception this copies. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String m = getLocalizedMessage();
            return m == null ? originalClass : originalClass + ": " + m;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // The original's stack trace is copied in; capturing this one would be wasted work.
            return this;
        }
    }
}
