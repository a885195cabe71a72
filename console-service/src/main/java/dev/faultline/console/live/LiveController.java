package dev.faultline.console.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code GET /api/live[?experiment=ID]}: server-sent events from the topics, as {@link LiveHub} gives them — one
 * experiment's run (what is kept of it first, then as it happens) or every experiment's status changes; each event
 * named by its type, with a {@code heartbeat} event every {@value #HEARTBEAT_SECONDS} s so that a closed connection is noticed.
 * {@code GET /api/live/{id}/kept}: what is kept of one run, as JSON.
 */
@Controller("/api/live")
public class LiveController {

    static final int HEARTBEAT_SECONDS = 10;

    private final LiveHub hub;

    public LiveController(LiveHub hub) {
        this.hub = hub;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<LiveEvent>> live(@Nullable @QueryValue String experiment) {
        Flux<Event<LiveEvent>> events = Flux.create(sink -> {
            LiveHub.Watch watch = hub.watch(experiment, event -> sink.next(Event.of(event).name(event.type())));
            sink.onDispose(watch::close);
        }, FluxSink.OverflowStrategy.BUFFER);
        Flux<Event<LiveEvent>> heartbeats = Flux.interval(Duration.ofSeconds(HEARTBEAT_SECONDS))
                .map(tick -> Event.of(LiveEvent.heartbeat()).name(LiveEvent.HEARTBEAT));
        return Flux.merge(events, heartbeats);
    }

    @Get("/{id}/kept")
    public List<LiveEvent> kept(String id) {
        return hub.kept(id);
    }
}
