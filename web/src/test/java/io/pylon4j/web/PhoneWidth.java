package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * A phone's screen in the running Chromium (device metrics through the DevTools protocol, so the page's
 * {@code <meta name="viewport">} applies as on a phone), and what an installer holding it must be able to read: no
 * sideways scroll of the page, and the named parts wholly inside the screen's width (a wide table may still scroll
 * inside its own {@code .scroll} wrapper, which is itself inside the screen).
 */
final class PhoneWidth {

    private PhoneWidth() {
    }

    /** Makes the page's viewport {@code widthCssPx} × {@code heightCssPx} CSS pixels, as a phone's, and waits for it. */
    static void emulate(Chromium chromium, int widthCssPx, int heightCssPx) throws InterruptedException {
        chromium.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", widthCssPx,
                "height", heightCssPx, "deviceScaleFactor", 1, "mobile", true));
        Chromium.await(10, "a " + widthCssPx + " px wide screen", () -> ((Number) chromium.script(
                "return screen.width")).intValue() == widthCssPx);
        // the plots follow the window's resize event; two animation frames let that layout settle
        chromium.browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()))");
    }

    /**
     * Asserts the page does not scroll sideways (nor is zoomed out to fit, as a phone does) and each element named
     * by id lies within the viewport's width; on failure, names the elements that stick out and by how much.
     */
    static void assertNoSidewaysScroll(Chromium chromium, String... ids) {
        List<?> widths = (List<?>) chromium.script("return [document.documentElement.scrollWidth,"
                + " window.innerWidth, screen.width]");
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        long screenWidth = ((Number) widths.get(2)).longValue();
        // a phone zooms a page wider than its screen out to fit: the viewport then grows past the screen
        assertTrue(innerWidth == screenWidth, () -> "the phone zoomed the page out: a " + innerWidth
                + " px viewport on a " + screenWidth + " px screen; sticking out: " + sticking(chromium));
        assertTrue(scrollWidth <= innerWidth, () -> "the page scrolls sideways at " + innerWidth + " px: "
                + scrollWidth + " px wide; sticking out: " + sticking(chromium));
        for (String id : ids) {
            List<?> box = (List<?>) chromium.script("const r = document.getElementById(arguments[0])"
                    + ".getBoundingClientRect(); const e = document.getElementById(arguments[0]);"
                    + " return [r.left, r.right, r.width, e.scrollWidth, e.clientWidth]", id);
            double left = ((Number) box.get(0)).doubleValue();
            double right = ((Number) box.get(1)).doubleValue();
            double width = ((Number) box.get(2)).doubleValue();
            assertTrue(width > 0 && left >= 0 && right <= screenWidth, () -> "#" + id + " spans " + left + " to "
                    + right + " px, outside the " + screenWidth + " px screen; sticking out: " + sticking(chromium));
            // and its content fits in it: nothing hidden to the right of its own box
            long contentWidth = ((Number) box.get(3)).longValue();
            long boxWidth = ((Number) box.get(4)).longValue();
            assertTrue(contentWidth <= boxWidth, () -> "#" + id + " holds " + contentWidth + " px of content in "
                    + boxWidth + " px");
        }
    }

    /** The elements whose right edge passes the screen's, outermost first (a failure's diagnosis). */
    private static Object sticking(Chromium chromium) {
        return chromium.script("const w = screen.width; const out = [];"
                + " for (const e of document.querySelectorAll('body *')) {"
                + "   if (e.parentElement.closest('.scroll')) continue;" // may scroll in its own wrapper
                + "   const r = e.getBoundingClientRect();"
                + "   if (r.right > w + 0.5 && out.length < 12) out.push(e.tagName.toLowerCase()"
                + "     + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined"
                + "     ? '.' + e.className : '') + ' right=' + Math.round(r.right));"
                + " } return out.join(', ')");
    }
}
