package dev.faultline.injector.it;

import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetHost;
import dev.faultline.schemas.avro.TargetObservability;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Declares services in STAGING on faultline.targets as a targets file would, each on one host named {@code local} with
 * the test's agent (and the service's process pattern, when given); {@link #removeAll()} declares them removed again.
 */
final class HostTargets {

    private final EventPublisher publisher;
    private final String source;
    private final Map<String, TargetDeclared> declared = new LinkedHashMap<>();

    HostTargets(EventPublisher publisher, String source) {
        this.publisher = publisher;
        this.source = source;
    }

    void declare(String service, String agentUrl, String process) {
        TargetDeclared declaration = TargetDeclared.newBuilder().setHeader(header()).setEnvironment(Environment.STAGING)
                .setService(service).setRemoved(false).setServiceType("http-api").setOwners(List.of("it")).setOnCall(null)
                .setBaseUrl("http://127.0.0.1:1").setEndpoints(List.of()).setDependencies(List.of())
                .setHosts(List.of(TargetHost.newBuilder().setName("local").setAgentUrl(agentUrl).setProcess(process).build()))
                .setObservability(TargetObservability.newBuilder().setMetricsUrl(null).setPrometheusUrl(null).setLogFile(null)
                        .setPropagatesTraceContext(false).build())
                .setSource(source).build();
        publisher.publish(key(service), declaration);
        declared.put(service, declaration);
    }

    void removeAll() {
        declared.forEach((service, last) -> publisher.publish(key(service),
                TargetDeclared.newBuilder(last).setHeader(header()).setRemoved(true).build()));
        declared.clear();
    }

    private static String key(String service) {
        return Environment.STAGING.name() + "/" + service;
    }

    private static EventHeader header() {
        return EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId("").setOccurredAt(Instant.now())
                .setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("it").build()).setCausationId(null)
                .setTraceparent(null).setTracestate(null).build();
    }
}
