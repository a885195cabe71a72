package dev.faultline.hypothesis.failuremode;

import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.declarations.yaml.Problem;
import dev.faultline.hypothesis.declared.DeclaredTopic;
import dev.faultline.kit.events.Actors;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FailureModeDeclared;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds and withdraws failure-mode templates for the admin API ({@code faultline failure-modes add|withdraw}): a file
 * read and checked as {@link FailureModesFile} reads it — a file with any problem publishes nothing —, its templates
 * published on faultline.failure-modes by id (the latest wins), where the {@link FailureModeCatalog} picks them up; a
 * withdrawal publishes the last declaration again, removed (a built-in template it replaced is used again).
 */
public final class FailureModeDeclarations {

    private final DeclaredTopic<FailureModeDeclared> topic;
    private final Clock clock;

    public FailureModeDeclarations(DeclaredTopic<FailureModeDeclared> topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
    }

    /**
     * Publishes the templates of the failure-modes file {@code text}, named {@code source}, on behalf of
     * {@code person}, derived from {@code incidentId} (or null); returns their ids.
     *
     * @throws Invalid with every problem of the file, located; nothing is published then
     */
    public List<String> add(String text, String source, String person, String incidentId) throws Invalid {
        Map<String, FailureModeDeclared> byId = new LinkedHashMap<>();
        FailureModesFile.read(text, source, person, incidentId, clock).forEach(t -> byId.put(t.getTemplateId(), t));
        if (byId.isEmpty()) {
            throw new Invalid(List.of(new Problem(1, 1, "failure-modes", "declares no template; declare at least one")));
        }
        topic.publish(byId);
        return List.copyOf(byId.keySet());
    }

    /**
     * Withdraws the added template {@code id} on behalf of {@code person}.
     *
     * @return false, publishing nothing, when no template of that id is added now
     */
    public synchronized boolean withdraw(String id, String person) {
        FailureModeDeclared last = topic.current().get(id);
        if (last == null || last.getRemoved()) {
            return false;
        }
        EventHeader header = EventHeader.newBuilder(last.getHeader()).setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant()).setActor(Actors.person(person)).setCausationId(null).build();
        topic.publish(Map.of(id, FailureModeDeclared.newBuilder(last).setRemoved(true).setHeader(header).build()));
        return true;
    }
}
