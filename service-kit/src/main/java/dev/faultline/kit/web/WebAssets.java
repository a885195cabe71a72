package dev.faultline.kit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The chart assets the HTML report inlines and the live console serves: uPlot (the webjar on the classpath) and
 * Faultline's {@code faultline-web/charts.js} and {@code charts.css}, read from the classpath as text. The paths are
 * public so that a server can map the same files to URLs.
 */
public final class WebAssets {

    /** Classpath path of uPlot's script (a global {@code uPlot}). */
    public static final String UPLOT_JS = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";
    /** Classpath path of uPlot's stylesheet. */
    public static final String UPLOT_CSS = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css";
    /** Classpath path of the charts' script (a global {@code FaultlineCharts}; needs uPlot loaded first). */
    public static final String CHARTS_JS = "faultline-web/charts.js";
    /** Classpath path of the charts' stylesheet. */
    public static final String CHARTS_CSS = "faultline-web/charts.css";

    private WebAssets() {
    }

    /** uPlot's script then the charts' script, in the order a page must load them. */
    public static String scripts() {
        return read(UPLOT_JS) + "\n" + read(CHARTS_JS);
    }

    /** uPlot's stylesheet then the charts' stylesheet. */
    public static String styles() {
        return read(UPLOT_CSS) + "\n" + read(CHARTS_CSS);
    }

    /** A classpath resource as UTF-8 text; a missing one is a packaging error. */
    public static String read(String path) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
