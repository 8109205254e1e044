// Footfall status page: refreshes each camera's frame and numbers every 2 s from /api/status, and lets the installer
// click two points on a frame to draw a counting line and copy its YAML. Text goes into the page with textContent
// only, never as HTML. Plain browser JavaScript: no libraries, nothing fetched from elsewhere.
(function () {
  'use strict';
  var REFRESH_MS = 2000;
  var SVG = 'http://www.w3.org/2000/svg';

  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll('section.camera'));
  }

  function field(root, name) {
    return root.querySelector('[data-field="' + name + '"]');
  }

  function setText(el, text) {
    if (el && el.textContent !== String(text)) {
      el.textContent = String(text);
    }
  }

  function byAttr(root, attr, value) {
    var all = root.querySelectorAll('[' + attr + ']');
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute(attr) === value) {
        return all[i];
      }
    }
    return null;
  }

  // The lines and zones as the page drew them: a different set (a line moved through the twin) reloads the page.
  function shapeKey(cam) {
    return JSON.stringify([cam.lines.map(function (l) { return [l.name, l.points]; }),
      cam.zones.map(function (z) { return [z.name, z.polygon]; })]);
  }

  var shapes = {};

  function update(status) {
    var sec = sections();
    if (sec.length !== status.cameras.length) {
      location.reload();
      return;
    }
    var health = document.getElementById('health');
    if (health) {
      var ok = status.health.status === 'ok';
      setText(health, ok ? 'healthy' : 'unhealthy');
      health.className = 'health ' + (ok ? 'health-ok' : 'health-bad');
    }
    var problems = document.getElementById('problems');
    if (problems) {
      var want = (status.health.problems || []).join('\n');
      var have = Array.prototype.map.call(problems.children, function (li) { return li.textContent; }).join('\n');
      if (want !== have) {
        while (problems.firstChild) { problems.removeChild(problems.firstChild); }
        (status.health.problems || []).forEach(function (p) {
          var li = document.createElement('li');
          li.textContent = p;
          problems.appendChild(li);
        });
      }
    }
    if (status.outbox) {
      setText(document.getElementById('outbox-depth'), status.outbox.depth);
      setText(document.getElementById('outbox-age'), status.outbox.oldestUndeliveredSeconds);
    }
    status.cameras.forEach(function (cam) {
      var s = byAttr(document, 'data-camera', cam.id);
      if (!s) {
        location.reload();
        return;
      }
      var key = shapeKey(cam);
      if (shapes[cam.id] === undefined) {
        shapes[cam.id] = key;
      } else if (shapes[cam.id] !== key) {
        location.reload();
        return;
      }
      var state = field(s, 'state');
      setText(state, cam.state);
      state.className = 'state state-' + cam.state;
      setText(field(s, 'fps'), cam.fps);
      setText(field(s, 'frames'), cam.frames);
      setText(field(s, 'restarts'), cam.restarts);
      setText(field(s, 'lastError'), cam.lastError ? ' · ' + cam.lastError : '');
      cam.lines.forEach(function (l) {
        var row = byAttr(s, 'data-line', l.name);
        if (row && row.tagName === 'TR') {
          setText(field(row, 'in'), l['in']);
          setText(field(row, 'out'), l.out);
        }
      });
      cam.zones.forEach(function (z) {
        var row = byAttr(s.querySelector('table.zones') || s, 'data-zone', z.name);
        if (row && row.tagName === 'TR') {
          setText(field(row, 'occupancy'), z.occupancy);
        }
      });
      refreshFrame(s, cam.snapshot);
    });
  }

  // Loads the next frame off-screen and swaps it in, so the picture never blinks while it loads.
  function refreshFrame(section, url) {
    var img = section.querySelector('img.snapshot');
    if (!img || img.dataset.loading === '1') {
      return;
    }
    img.dataset.loading = '1';
    var next = new Image();
    next.onload = function () {
      img.src = next.src;
      img.classList.remove('no-frame');
      img.dataset.loading = '';
    };
    next.onerror = function () {
      img.dataset.loading = '';
    };
    next.src = url + '?t=' + Date.now();
  }

  function poll() {
    fetch('/api/status', {cache: 'no-store'})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(update)
      .catch(function () { /* the agent restarts or stops: try again at the next tick */ })
      .then(function () { setTimeout(poll, REFRESH_MS); });
  }

  function round(v) {
    return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
  }

  function svgEl(name, attrs) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  // The side a line counts as "in": its normal (y2-y1, -(x2-x1)), as the README and 'footfall run --help' say.
  function arrow(svg, cls, x1, y1, x2, y2) {
    var mx = (x1 + x2) / 2;
    var my = (y1 + y2) / 2;
    var nx = y2 - y1;
    var ny = -(x2 - x1);
    var len = Math.sqrt(nx * nx + ny * ny) || 1;
    var k = 0.06 / len;
    svg.appendChild(svgEl('line', {'class': cls, x1: mx, y1: my, x2: mx + nx * k, y2: my + ny * k}));
  }

  function drawArrows() {
    sections().forEach(function (s) {
      var svg = s.querySelector('svg.overlay');
      Array.prototype.forEach.call(svg.querySelectorAll('line.count-line'), function (l) {
        arrow(svg, 'arrow', +l.getAttribute('x1'), +l.getAttribute('y1'), +l.getAttribute('x2'), +l.getAttribute('y2'));
      });
    });
  }

  function drawing() {
    sections().forEach(function (s) {
      var frame = s.querySelector('.frame');
      var svg = s.querySelector('svg.overlay');
      var yaml = field(s, 'yaml');
      var points = [];
      frame.addEventListener('click', function (ev) {
        var box = frame.getBoundingClientRect();
        var p = [round((ev.clientX - box.left) / box.width), round((ev.clientY - box.top) / box.height)];
        if (points.length === 2) {
          points = [];
        }
        points.push(p);
        Array.prototype.forEach.call(svg.querySelectorAll('.draft, .draft-arrow, .draft-point'), function (el) {
          el.parentNode.removeChild(el);
        });
        points.forEach(function (q) {
          svg.appendChild(svgEl('ellipse', {'class': 'draft-point', cx: q[0], cy: q[1], rx: 0.006, ry: 0.009}));
        });
        if (points.length === 2) {
          var a = points[0];
          var b = points[1];
          svg.appendChild(svgEl('line', {'class': 'draft', x1: a[0], y1: a[1], x2: b[0], y2: b[1]}));
          arrow(svg, 'draft-arrow', a[0], a[1], b[0], b[1]);
          var name = 'line' + (s.querySelectorAll('line.count-line').length + 1);
          yaml.textContent = '    lines:\n      - {name: ' + name + ', points: [[' + a[0] + ', ' + a[1] + '], [' + b[0] + ', '
            + b[1] + ']]}\n';
          var details = s.querySelector('details.draw');
          if (details) {
            details.open = true;
          }
        } else {
          yaml.textContent = '(click the second point)';
        }
      });
    });
  }

  drawArrows();
  drawing();
  poll();
}());
