package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live pages' bounds, without HTTP: the cap, the per-page queue, dropping a slow page. */
class SseHubTest {

    @Test
    void aPageThatDoesNotReadIsDroppedAndCountedWhenItsQueueIsFull() throws Exception {
        SseHub hub = new SseHub(4, 2);
        SseHub.Client slow = hub.register().orElseThrow();
        SseHub.Client fast = hub.register().orElseThrow();
        hub.broadcast("status", "1");
        hub.broadcast("status", "2");
        assertEquals("event: status\ndata: 1\n\n", fast.next(0).orElseThrow());
        assertEquals("event: status\ndata: 2\n\n", fast.next(0).orElseThrow());
        hub.broadcast("status", "3"); // slow has 1 and 2 queued: full
        assertTrue(slow.isClosed());
        assertEquals(Optional.empty(), slow.next(0));
        assertEquals(1, hub.dropped());
        assertEquals(1, hub.clientCount());
        assertEquals("event: status\ndata: 3\n\n", fast.next(0).orElseThrow());
    }

    @Test
    void theClientAfterTheCapIsRefusedAndCounted() {
        SseHub hub = new SseHub(2, 4);
        SseHub.Client a = hub.register().orElseThrow();
        hub.register().orElseThrow();
        assertTrue(hub.register().isEmpty());
        assertEquals(1, hub.rejected());
        hub.remove(a); // a page that left frees its place
        assertTrue(hub.register().isPresent());
    }

    @Test
    void aQuietStreamGetsAnEmptyMessageForItsKeepAlive() throws Exception {
        SseHub hub = new SseHub(1, 1);
        assertEquals(Optional.of(""), hub.register().orElseThrow().next(1));
    }
}
