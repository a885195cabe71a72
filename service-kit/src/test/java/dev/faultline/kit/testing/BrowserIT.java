package dev.faultline.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser support itself: a page's JavaScript error fails the test, and a screenshot is the whole page. */
class BrowserIT {

    @Test
    void shouldFailOnAJavaScriptErrorOfThePage() {
        Browser browser = Browser.start();
        try {
            browser.openHtml("browser-error", "<!DOCTYPE html><p id=p>text</p><script>undefinedFunction();</script>");
            browser.waitFor(By.id("p"));
            assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("undefinedFunction"));

            browser.script("console.error('logged by the page')");
            assertThatThrownBy(browser::assertNoConsoleErrors).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("logged by the page");
        } finally {
            browser.close();
        }
    }

    @Test
    void shouldScreenshotTheWholePage() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.openHtml("browser-tall", "<!DOCTYPE html><body style='margin:0'><div style='height:2400px'>tall</div>");
            var image = javax.imageio.ImageIO.read(browser.screenshot("browser-tall").toFile());
            assertThat(image.getWidth()).isEqualTo(Browser.WINDOW.getWidth());
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(2400);
        }
    }
}
