package org.cameraregistry.localstack;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium, the machine's own (Playwright never downloads one). Where none is
 * installed the browser tests are skipped, saying how to install it; {@code -Dbrowser.executable}
 * names another.
 */
final class Chromium implements AutoCloseable {

    static final String HOW_TO_INSTALL = "the browser tests need Chromium: install it (on Debian or Ubuntu:"
            + " sudo apt-get install -y chromium) or name one with -Dbrowser.executable=/path/to/chromium";

    /** Desktop and phone, the widths every page is captured at. */
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 375;

    /** Without the background-networking flags, Chromium keeps calling Google's hosts, which a closed network refuses. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    private Chromium(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /** Starts Chromium, or skips the calling test class when the machine has none. */
    static Chromium startOrSkip() {
        Optional<Path> executable = executable();
        Assumptions.assumeTrue(executable.isPresent(), HOW_TO_INSTALL);
        try {
            for (String variable : List.of("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "TMPDIR")) {
                String folder = System.getenv(variable);
                if (folder != null) {
                    Files.createDirectories(Path.of(folder));
                }
            }
            Path screenshots = Path.of(System.getProperty("browser.screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable.get()).setHeadless(true).setArgs(FLAGS));
            return new Chromium(playwright, browser, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> executable() {
        String named = System.getProperty("browser.executable");
        Stream<String> candidates = named != null ? Stream.of(named)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * A new browser profile, as a person who never visited before, at desktop width. Two cores serve
     * the whole platform and the browser at once: a navigation may take longer than Playwright's usual
     * 30 s when a build runs beside it.
     */
    BrowserContext newVisitor() {
        BrowserContext visitor = browser.newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP_WIDTH, 900));
        visitor.setDefaultTimeout(90_000);
        visitor.setDefaultNavigationTimeout(90_000);
        return visitor;
    }

    /**
     * Saves the page as it is, at desktop and phone width, as {@code <name>-desktop.png} and
     * {@code <name>-phone.png} in the build output; the page is left at desktop width.
     */
    void capture(Page page, String name) {
        page.setViewportSize(PHONE_WIDTH, 812);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + "-phone.png")).setFullPage(true));
        page.setViewportSize(DESKTOP_WIDTH, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + "-desktop.png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
