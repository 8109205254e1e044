package io.footfall.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

import static io.footfall.ops.Html.escape;

/**
 * The installer's status page, rendered on the server from the same {@link StatusModel} {@code /api/status} returns,
 * so it shows everything without script; {@code status.js} then refreshes frames and numbers every 2 s and lets the
 * installer draw a line. Every text from the configuration or the agent is escaped. Stateless.
 */
final class StatusPage {
    private StatusPage() {
    }

    static String render(JsonNode model) {
        StringBuilder h = new StringBuilder(8192);
        String device = model.path("device").asText();
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Footfall · ").append(escape(device)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/status.css\">\n</head>\n<body>\n");
        JsonNode health = model.path("health");
        boolean ok = "ok".equals(health.path("status").asText());
        h.append("<header>\n<h1>Footfall <span class=\"device\">").append(escape(device)).append("</span>")
                .append(model.path("store").asText().equals(device) ? ""
                        : " <span class=\"store\">store " + escape(model.path("store").asText()) + "</span>").append("</h1>\n")
                .append("<p class=\"summary\"><span id=\"health\" class=\"health ").append(ok ? "health-ok" : "health-bad")
                .append("\">").append(ok ? "healthy" : "unhealthy").append("</span>");
        JsonNode outbox = model.path("outbox");
        if (!outbox.isMissingNode()) {
            h.append(" · outbox <span id=\"outbox-depth\">").append(outbox.path("depth").asLong())
                    .append("</span> undelivered, oldest <span id=\"outbox-age\">")
                    .append(outbox.path("oldestUndeliveredSeconds").asLong()).append("</span> s");
        }
        h.append(" · ").append(escape(model.path("model").asText("")))
                .append(" on ").append(escape(model.path("runtime").asText("")))
                .append(" · version ").append(escape(model.path("version").asText(""))).append("</p>\n");
        h.append("<ul id=\"problems\" class=\"problems\">");
        for (JsonNode p : health.path("problems")) {
            h.append("<li>").append(escape(p.asText())).append("</li>");
        }
        h.append("</ul>\n</header>\n<main id=\"cameras\">\n");
        for (JsonNode cam : model.path("cameras")) {
            camera(h, cam);
        }
        h.append("</main>\n<footer>Counts are today's (").append(escape(model.path("day").asText()))
                .append(", device time) since the agent started. <a href=\"/api/status\">status JSON</a> · ")
                .append("<a href=\"/metrics\">metrics</a> · <a href=\"/health\">health</a></footer>\n")
                .append("<script src=\"/static/status.js\"></script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void camera(StringBuilder h, JsonNode cam) {
        String id = cam.path("id").asText();
        String state = cam.path("state").asText();
        h.append("<section class=\"camera\" data-camera=\"").append(escape(id)).append("\">\n")
                .append("<h2><span class=\"camera-id\">").append(escape(id)).append("</span> ")
                .append("<span class=\"state state-").append(escape(state.toLowerCase(Locale.ROOT)))
                .append("\" data-field=\"state\">").append(escape(state)).append("</span></h2>\n");
        h.append("<div class=\"frame\">\n<img class=\"snapshot\" src=\"").append(escape(cam.path("snapshot").asText()))
                .append("\" alt=\"latest frame of camera ").append(escape(id)).append("\">\n")
                .append("<svg class=\"overlay\" viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\n");
        for (JsonNode z : cam.path("zones")) {
            h.append("<polygon class=\"zone\" data-zone=\"").append(escape(z.path("name").asText())).append("\" points=\"");
            for (JsonNode p : z.path("polygon")) {
                h.append(num(p.get(0))).append(',').append(num(p.get(1))).append(' ');
            }
            h.append("\"></polygon>\n");
        }
        for (JsonNode l : cam.path("lines")) {
            JsonNode a = l.path("points").get(0);
            JsonNode b = l.path("points").get(1);
            h.append("<line class=\"count-line\" data-line=\"").append(escape(l.path("name").asText()))
                    .append("\" x1=\"").append(num(a.get(0))).append("\" y1=\"").append(num(a.get(1)))
                    .append("\" x2=\"").append(num(b.get(0))).append("\" y2=\"").append(num(b.get(1))).append("\"></line>\n");
        }
        h.append("</svg>\n");
        for (JsonNode l : cam.path("lines")) {
            JsonNode a = l.path("points").get(0);
            JsonNode b = l.path("points").get(1);
            // A fifth of the way along: the annotated frame writes its own label (with counts) at the middle.
            label(h, "line-label", l.path("name").asText(), 0.8 * a.get(0).asDouble() + 0.2 * b.get(0).asDouble(),
                    0.8 * a.get(1).asDouble() + 0.2 * b.get(1).asDouble());
        }
        for (JsonNode z : cam.path("zones")) {
            double x = 0;
            double y = 0;
            int n = 0;
            for (JsonNode p : z.path("polygon")) {
                x += p.get(0).asDouble();
                y += p.get(1).asDouble();
                n++;
            }
            label(h, "zone-label", z.path("name").asText(), x / Math.max(1, n), y / Math.max(1, n));
        }
        h.append("</div>\n");
        h.append("<table class=\"counts\">\n<caption>Today</caption>\n")
                .append("<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">In</th><th scope=\"col\">Out</th></tr></thead>\n<tbody>\n");
        if (cam.path("lines").isEmpty()) {
            h.append("<tr><td colspan=\"3\" class=\"none\">no counting lines</td></tr>\n");
        }
        for (JsonNode l : cam.path("lines")) {
            String name = escape(l.path("name").asText());
            h.append("<tr data-line=\"").append(name).append("\"><th scope=\"row\">").append(name).append("</th>")
                    .append("<td data-field=\"in\">").append(l.path("in").asLong()).append("</td>")
                    .append("<td data-field=\"out\">").append(l.path("out").asLong()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (!cam.path("zones").isEmpty()) {
            h.append("<table class=\"zones\">\n<thead><tr><th scope=\"col\">Zone</th><th scope=\"col\">People now</th></tr></thead>\n<tbody>\n");
            for (JsonNode z : cam.path("zones")) {
                String name = escape(z.path("name").asText());
                h.append("<tr data-zone=\"").append(name).append("\"><th scope=\"row\">").append(name).append("</th>")
                        .append("<td data-field=\"occupancy\">").append(z.path("occupancy").asLong()).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("<p class=\"meta\"><span data-field=\"fps\">").append(cam.path("fps").asDouble()).append("</span> frames/s · ")
                .append("<span data-field=\"frames\">").append(cam.path("frames").asLong()).append("</span> frames · ")
                .append("<span data-field=\"restarts\">").append(cam.path("restarts").asLong()).append("</span> restarts")
                .append("<span data-field=\"lastError\" class=\"error\">")
                .append(cam.has("lastError") ? " · " + escape(cam.path("lastError").asText()) : "").append("</span></p>\n");
        h.append("<details class=\"draw\"><summary>Draw a counting line</summary>\n")
                .append("<p>Click two points on the frame. People moving toward the side the arrow points to count as ")
                .append("<em>in</em>; draw it the other way round to swap in and out. Paste the line under this camera's ")
                .append("<code>lines:</code> (or send it through the twin).</p>\n")
                .append("<pre class=\"yaml\" data-field=\"yaml\">(click twice on the frame)</pre>\n</details>\n");
        h.append("</section>\n");
    }

    private static void label(StringBuilder h, String cls, String text, double x, double y) {
        h.append("<div class=\"label ").append(cls).append("\" style=\"left:").append(pct(x)).append("%;top:")
                .append(pct(y)).append("%\">").append(escape(text)).append("</div>\n");
    }

    private static String num(JsonNode n) {
        return String.format(Locale.ROOT, "%.4f", n == null ? 0 : n.asDouble());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", 100 * v);
    }
}
