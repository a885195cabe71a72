package dev.faultline.injector.fault;

import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.security.Roles;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /rollback-dry-run {environment, service, faultType, dependency, host, topic, parameters}}: the rollback
 * rehearsal for safety-service's ROLLBACK_READY check. The fault is planned exactly as a run would plan it, then its
 * kind creates a harmless fault of the same sort in the same place, removes it and checks it gone. 200 {verified,
 * detail, where}; 400 a request to fix; 409 a fault this injector cannot apply there (the reason); 503 the place did
 * not answer or the rehearsal failed. Only another Faultline service may ask (role {@code service}: safety-service's
 * client-credentials token).
 */
@Controller("/rollback-dry-run")
public class RollbackDryRunController {

    private final TargetRoutes routes;
    private final FaultKinds kinds;

    public RollbackDryRunController(TargetRoutes routes, FaultKinds kinds) {
        this.routes = routes;
        this.kinds = kinds;
    }

    @Post
    public DryRunResult dryRun(@Body DryRunRequest request, Authentication caller) {
        Roles.require(caller, Roles.SERVICE, "a rollback dry run");
        FaultSpec spec = request.toSpec();
        String name = "faultline-dry-run-" + UUID.randomUUID().toString().substring(0, 8);
        Fault fault;
        try {
            fault = kinds.plan(spec, new FaultContext(routes.routeOf(request.environmentValue(), request.service()), name,
                    new Lease("injector:" + name, Duration.ofSeconds(3))));
        } catch (UnsupportedFaultException e) {
            throw ApiException.conflict(e.getMessage());
        }
        try {
            return new DryRunResult(true, fault.rehearse(), fault.where());
        } catch (FaultException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "rollback dry run on " + fault.where() + " failed: "
                    + e.getMessage());
        }
    }

    /** The fault whose stop action to rehearse, as the hypothesis's scenario states it. */
    @Serdeable
    public record DryRunRequest(@Nullable String environment, @Nullable String service, @Nullable String faultType,
                                @Nullable String dependency, @Nullable String host, @Nullable String topic,
                                @Nullable Map<String, String> parameters) {

        Environment environmentValue() {
            try {
                return Environment.valueOf(environment.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("environment '" + environment + "' is not one of "
                        + Arrays.toString(Environment.values()));
            }
        }

        FaultSpec toSpec() {
            if (environment == null || service == null || service.isBlank() || faultType == null) {
                throw ApiException.badRequest("environment, service and faultType are required, e.g. {\"environment\":"
                        + "\"STAGING\",\"service\":\"storefront\",\"faultType\":\"NETWORK_LATENCY\",\"dependency\":\"pricing\"}");
            }
            environmentValue();
            FaultType type;
            try {
                type = FaultType.valueOf(faultType.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("faultType '" + faultType + "' is not one of "
                        + Arrays.toString(FaultType.values()));
            }
            TargetKind kind = dependency != null ? TargetKind.DEPENDENCY_LINK : host != null ? TargetKind.HOST
                    : topic != null ? TargetKind.TOPIC : TargetKind.SERVICE;
            return FaultSpec.newBuilder().setFaultType(type)
                    .setTarget(FaultTarget.newBuilder().setKind(kind).setService(service).setDependency(dependency)
                            .setHost(host).setPath(null).setTopic(topic).build())
                    .setDirection(FaultDirection.BOTH).setToxicity(0.0).setDurationMillis(1)
                    .setParameters(parameters == null ? Map.of() : parameters).build();
        }
    }

    /** The rehearsal's result: what was done, and where. */
    @Serdeable
    public record DryRunResult(boolean verified, String detail, String where) {
    }
}
