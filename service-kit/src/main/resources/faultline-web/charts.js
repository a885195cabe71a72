/*
 * Faultline's charts, shared by analysis-service's HTML report (inlined) and the live console (served): one global,
 * FaultlineCharts. Needs uPlot (webjar org.webjars.npm:uplot) loaded first, and charts.css.
 *
 *   evidenceChart(element, options) -> {plot, append(points), setWindow(window), destroy()}
 *     latency over time, one line per probe, failed samples marked, the fault window shaded and one horizontal
 *     line per millisecond threshold. options: {probes: [id], points: [{probeId, at, latencyMillis, ok}],
 *     window: {start, end} (epoch ms; end null while the fault is on), thresholds: [{label, value}] (ms),
 *     width, height, title}.
 *   intervalChart(element, predictions) -> the <svg>: one row per prediction, its estimate and confidence interval
 *     against its threshold, coloured by outcome. predictions: [{id, estimate, lower, upper, level, threshold,
 *     comparator, unit, outcome}] (lower/upper null: unbounded on that side).
 *   fromEvidence(evidenceJson, verdictJson) -> evidenceChart options, from analysis-service's GET .../evidence and
 *     GET .../verdict (verdictJson may be null while running: no thresholds then).
 *   fromVerdict(verdictJson) -> intervalChart predictions.
 *   verdictReport(element, verdictJson, evidenceJson) -> {evidence, intervals}: both charts, one under the other.
 *
 * Text from events is only ever set with textContent, never parsed as HTML.
 */
(function (global) {
    "use strict";

    var SVG = "http://www.w3.org/2000/svg";
    var PROBE_COLOURS = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
    var ERROR_COLOUR = "#d62728";
    var COMPARATORS = {
        LESS_THAN: "<", LESS_OR_EQUAL: "≤", GREATER_THAN: ">", GREATER_OR_EQUAL: "≥", EQUAL: "=", NOT_EQUAL: "≠"
    };

    function el(tag, className, parent) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }

    function svg(tag, attributes, parent) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attributes).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }

    function finite(value) {
        return typeof value === "number" && isFinite(value);
    }

    /** A value in its unit for chart labels: ms whole, ratios as percentages, rates to two decimals. */
    function format(value, unit) {
        if (!finite(value)) {
            return "–";
        }
        switch (unit) {
            case "MILLISECONDS": return Math.round(value) + " ms";
            case "RATIO": return (Math.round(value * 1000) / 10) + "%";
            case "PER_SECOND": return (Math.round(value * 100) / 100) + "/s";
            default: return String(Math.round(value * 100) / 100);
        }
    }

    function thresholdText(comparator, threshold, unit) {
        return (COMPARATORS[comparator] || comparator || "") + " " + format(threshold, unit);
    }

    // ---- latency over time (uPlot) ----

    /** uPlot's columns: x in seconds, one latency column per probe, one column of failed samples' latencies. */
    function columns(probes, points) {
        var xs = [];
        var perProbe = probes.map(function () { return []; });
        var errors = [];
        points.forEach(function (p) {
            var index = probes.indexOf(p.probeId);
            if (index < 0) {
                return;
            }
            xs.push(p.at / 1000);
            perProbe.forEach(function (column, i) { column.push(i === index ? p.latencyMillis : null); });
            errors.push(p.ok ? null : p.latencyMillis);
        });
        return [xs].concat(perProbe, [errors]);
    }

    function evidenceChart(element, options) {
        var probes = (options.probes || []).slice();
        var thresholds = options.thresholds || [];
        var faultWindow = options.window || null;
        var points = [];
        var root = el("div", "fl-evidence-chart", element);

        var series = [{}];
        probes.forEach(function (probe, i) {
            series.push({
                label: probe, stroke: PROBE_COLOURS[i % PROBE_COLOURS.length], width: 1.5, spanGaps: true,
                points: {show: false}, value: function (u, v) { return v == null ? "–" : Math.round(v) + " ms"; }
            });
        });
        series.push({
            label: "failed", stroke: ERROR_COLOUR, fill: ERROR_COLOUR, paths: function () { return null; },
            points: {show: true, size: 6, stroke: ERROR_COLOUR, fill: ERROR_COLOUR}
        });

        var shade = null;
        var lines = [];

        function placeOverlays(u) {
            var width = u.over.clientWidth;
            var xs = u.data[0];
            if (shade && faultWindow && finite(faultWindow.start) && xs.length > 0) {
                var left = Math.max(0, u.valToPos(faultWindow.start / 1000, "x"));
                var right = finite(faultWindow.end) ? u.valToPos(faultWindow.end / 1000, "x") : width;
                right = Math.min(width, right);
                shade.style.left = left + "px";
                shade.style.width = Math.max(0, right - left) + "px";
                shade.classList.toggle("fl-open", !finite(faultWindow.end));
                shade.style.display = "";
            } else if (shade) {
                shade.style.display = "none";
            }
            lines.forEach(function (line) {
                line.node.style.top = u.valToPos(line.value, "y") + "px";
            });
        }

        var plot = new uPlot({
            title: options.title,
            width: options.width || Math.max(320, element.clientWidth || 800),
            height: options.height || 320,
            scales: {
                x: {time: true},
                y: {
                    range: function (u, min, max) {
                        var top = Math.max(finite(max) ? max : 0, thresholds.reduce(function (m, t) {
                            return Math.max(m, t.value);
                        }, 0));
                        return [0, top > 0 ? top * 1.1 : 1];
                    }
                }
            },
            axes: [{}, {label: "latency (ms)"}],
            series: series,
            hooks: {draw: [placeOverlays]}
        }, columns(probes, points), root);

        shade = el("div", "fl-fault-window", plot.over);
        shade.title = "fault applied";
        thresholds.forEach(function (t) {
            var node = el("div", "fl-threshold", plot.over);
            node.dataset.value = t.value;
            el("span", "fl-threshold-label", node).textContent = t.label;
            lines.push({node: node, value: t.value});
        });

        function redraw() {
            points.sort(function (a, b) { return a.at - b.at; });
            plot.setData(columns(probes, points));
            root.dataset.points = String(points.length);
            placeOverlays(plot);
        }

        var chart = {
            plot: plot,
            element: root,
            /** Adds samples ({probeId, at, latencyMillis, ok}); a probe not seen before gets no line (rebuild for it). */
            append: function (more) {
                Array.prototype.push.apply(points, more || []);
                redraw();
            },
            /** The fault window changed (it ended, or a new injection started). */
            setWindow: function (next) {
                faultWindow = next;
                placeOverlays(plot);
            },
            destroy: function () {
                plot.destroy();
                root.remove();
            }
        };
        chart.append(options.points || []);
        return chart;
    }

    // ---- estimates and intervals against thresholds (SVG) ----

    function intervalChart(element, predictions) {
        var width = Math.max(420, element.clientWidth || 800);
        var rowHeight = 56;
        var labelWidth = 190;
        var plotLeft = labelWidth + 10;
        var plotRight = width - 30;
        var root = svg("svg", {
            "class": "fl-interval-chart", width: width, height: rowHeight * predictions.length + 10,
            viewBox: "0 0 " + width + " " + (rowHeight * predictions.length + 10), role: "img"
        }, element);

        predictions.forEach(function (p, row) {
            var top = row * rowHeight + 8;
            var mid = top + 26;
            var g = svg("g", {"class": "fl-interval fl-outcome-" + p.outcome, "data-prediction": p.id}, root);
            svg("text", {x: 0, y: mid - 4, "class": "fl-interval-id"}, g).textContent = p.id;
            svg("text", {x: 0, y: mid + 12, "class": "fl-interval-outcome"}, g).textContent =
                p.outcome + (finite(p.level) ? " · " + Math.round(p.level * 100) + "% interval" : "");

            var values = [p.estimate, p.lower, p.upper, p.threshold].filter(finite);
            var lo = Math.min.apply(null, values);
            var hi = Math.max.apply(null, values);
            var pad = hi > lo ? (hi - lo) * 0.12 : Math.abs(hi || 1) * 0.2;
            lo -= pad;
            hi += pad;
            function x(value) {
                return plotLeft + (value - lo) / (hi - lo) * (plotRight - plotLeft);
            }

            svg("line", {x1: plotLeft, x2: plotRight, y1: mid, y2: mid, "class": "fl-interval-axis"}, g);
            if (finite(p.estimate) || finite(p.lower) || finite(p.upper)) {
                var from = finite(p.lower) ? x(p.lower) : plotLeft;
                var to = finite(p.upper) ? x(p.upper) : plotRight;
                svg("line", {
                    x1: from, x2: to, y1: mid, y2: mid, "class": "fl-interval-bar"
                        + (finite(p.lower) ? "" : " fl-unbounded-low") + (finite(p.upper) ? "" : " fl-unbounded-high")
                }, g);
                if (finite(p.lower)) {
                    svg("line", {x1: from, x2: from, y1: mid - 7, y2: mid + 7, "class": "fl-interval-cap"}, g);
                }
                if (finite(p.upper)) {
                    svg("line", {x1: to, x2: to, y1: mid - 7, y2: mid + 7, "class": "fl-interval-cap"}, g);
                }
            }
            if (finite(p.estimate)) {
                svg("circle", {cx: x(p.estimate), cy: mid, r: 5, "class": "fl-estimate"}, g);
                svg("text", {x: x(p.estimate), y: mid + 20, "class": "fl-estimate-label"}, g).textContent =
                    format(p.estimate, p.unit) + " [" + format(p.lower, p.unit) + ", " + format(p.upper, p.unit) + "]";
            } else {
                svg("text", {x: plotLeft, y: mid - 8, "class": "fl-estimate-label"}, g).textContent = "no estimate";
            }
            var tx = x(p.threshold);
            svg("line", {x1: tx, x2: tx, y1: top, y2: mid + 10, "class": "fl-interval-threshold"}, g);
            svg("text", {x: tx + 4, y: top + 8, "class": "fl-interval-threshold-label"}, g).textContent =
                thresholdText(p.comparator, p.threshold, p.unit);
        });
        return root;
    }

    // ---- analysis-service JSON → chart input ----

    function fromEvidence(evidence, verdict) {
        var series = evidence.series || [];
        var points = [];
        series.forEach(function (s) {
            s.at.forEach(function (at, i) {
                points.push({probeId: s.probeId, at: at, latencyMillis: s.latencyMillis[i], ok: s.ok[i]});
            });
        });
        var windows = evidence.faultWindows || [];
        var injection = verdict && verdict.injectionId;
        var chosen = windows.filter(function (w) { return w.injectionId === injection; })[0]
            || windows[windows.length - 1];
        var thresholds = ((verdict && verdict.results) || []).filter(function (r) {
            return r.unit === "MILLISECONDS";
        }).map(function (r) {
            return {label: r.predictionId + " " + thresholdText(r.comparator, r.threshold, r.unit), value: r.threshold};
        });
        return {
            probes: series.map(function (s) { return s.probeId; }),
            points: points,
            window: chosen ? {start: chosen.startedAt, end: chosen.stoppedAt} : null,
            thresholds: thresholds
        };
    }

    function fromVerdict(verdict) {
        return (verdict.results || []).map(function (r) {
            return {
                id: r.predictionId, estimate: r.observed, lower: r.lower, upper: r.upper, level: r.confidenceLevel,
                threshold: r.threshold, comparator: r.comparator, unit: r.unit, outcome: r.outcome
            };
        });
    }

    function verdictReport(element, verdict, evidence) {
        var timeline = el("section", "fl-chart fl-chart-evidence", element);
        el("h3", null, timeline).textContent = "Latency over time";
        var intervals = el("section", "fl-chart fl-chart-intervals", element);
        el("h3", null, intervals).textContent = "Estimates and confidence intervals against thresholds";
        return {
            evidence: evidenceChart(timeline, fromEvidence(evidence, verdict)),
            intervals: intervalChart(intervals, fromVerdict(verdict))
        };
    }

    global.FaultlineCharts = {
        evidenceChart: evidenceChart,
        intervalChart: intervalChart,
        fromEvidence: fromEvidence,
        fromVerdict: fromVerdict,
        verdictReport: verdictReport,
        format: format
    };
})(window);
