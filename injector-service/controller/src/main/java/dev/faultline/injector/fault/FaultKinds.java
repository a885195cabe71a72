package dev.faultline.injector.fault;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.injector.fault.record.KafkaCluster;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of fault families by fault type. A new family is one {@link FaultKind} class plus one line in the
 * list below; a fault type no family covers is refused with the list of those that are.
 */
@Singleton
public final class FaultKinds {

    private final Map<FaultType, FaultKind> byType = new EnumMap<>(FaultType.class);

    @Inject
    public FaultKinds(DataPlanePort dataPlane, AgentClients agents, KafkaSettings kafka) {
        this(builtIn(dataPlane, agents::of, new KafkaCluster(kafka.bootstrapServers(), kafka.securityProperties())));
    }

    /** The built-in families: one line each. {@code ownKafka}: Faultline's own cluster (MALFORMED_RECORD's default). */
    public static List<FaultKind> builtIn(DataPlanePort dataPlane, Function<String, AgentClient> agents,
                                          KafkaCluster ownKafka) {
        return List.of(
                new ProxyToxicKind(dataPlane),
                new HttpRuleKind(dataPlane),
                new HostAgentKind(agents),
                new MalformedRecordKind(ownKafka));
    }

    public FaultKinds(List<FaultKind> kinds) {
        for (FaultKind kind : kinds) {
            for (FaultType type : kind.types()) {
                FaultKind earlier = byType.putIfAbsent(type, kind);
                if (earlier != null) {
                    throw new IllegalStateException(type + " registered by both " + earlier.getClass().getSimpleName()
                            + " and " + kind.getClass().getSimpleName());
                }
            }
        }
    }

    /** The fault {@code spec} describes, in its place; {@link UnsupportedFaultException} with the reason otherwise. */
    public Fault plan(FaultSpec spec, FaultContext context) {
        if (spec.getToxicity() < 0 || spec.getToxicity() > 1) {
            throw new UnsupportedFaultException("toxicity must be within 0..1, was " + spec.getToxicity());
        }
        FaultKind kind = byType.get(spec.getFaultType());
        if (kind == null) {
            throw new UnsupportedFaultException("fault type " + spec.getFaultType() + " is not supported by this injector;"
                    + " it applies " + byType.keySet().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return kind.plan(spec, context);
    }
}
