package dev.faultline.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void shouldEscapeTextAndAttributeValues() {
        assertThat(Html.escape("<img src=x onerror=\"alert('1')\"> & co"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("plain — ünïcode")).isEqualTo("plain — ünïcode");
    }

    @Test
    void shouldKeepJsonDataFromEndingItsScriptElement() {
        String json = "{\"summary\":\"</script><script>alert(1)</script><!-- & \u2028\"}";

        String safe = Html.scriptJson(json);

        assertThat(safe).doesNotContain("<", ">", "&", "\u2028")
                .isEqualTo("{\"summary\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                        + "\\u003c!-- \\u0026 \\u2028\"}");
    }

    @Test
    void shouldKeepInlinedCodeFromClosingItsElement() {
        assertThat(Html.inlineCode("var s = \"</script>\"; var t = '</STYLE>'; a < b"))
                .isEqualTo("var s = \"<\\/script>\"; var t = '<\\/STYLE>'; a < b");
    }

    @Test
    void shouldLoadUplotAndTheChartsFromTheClasspath() {
        assertThat(WebAssets.scripts()).contains("uPlot", "FaultlineCharts");
        assertThat(WebAssets.styles()).contains(".uplot", ".fl-fault-window");
    }
}
