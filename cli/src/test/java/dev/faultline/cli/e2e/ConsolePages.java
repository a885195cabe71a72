package dev.faultline.cli.e2e;

import dev.faultline.cli.console.ConsoleCommand;
import dev.faultline.kit.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium, signed in with a token through the link {@code faultline console}
 * prints. Each page is opened by its address and waited for until it has drawn its data ({@code body[data-ready]}).
 */
final class ConsolePages implements AutoCloseable {

    private final Browser browser;
    private final String consoleUrl;

    ConsolePages(String consoleUrl, String token) {
        this.consoleUrl = consoleUrl;
        this.browser = Browser.start();
        browser.open(ConsoleCommand.link(consoleUrl, token));
        browser.waitFor(By.cssSelector("body[data-ready='experiments']"));
    }

    /** Opens {@code #/path} and waits until the page has drawn it. */
    ConsolePages open(String path) {
        browser.script("location.hash = arguments[0]", "#/" + path);
        browser.waitUntil(d -> path.equals(browser.script("return document.body.dataset.ready")));
        return this;
    }

    /** The rows of the page's table of {@code kind} ({@code table.kind}). */
    List<WebElement> rows(String kind) {
        return browser.findAll(By.cssSelector("table." + kind + " tbody tr"));
    }

    Browser browser() {
        return browser;
    }

    String url() {
        return consoleUrl;
    }

    @Override
    public void close() {
        browser.close();
    }
}
