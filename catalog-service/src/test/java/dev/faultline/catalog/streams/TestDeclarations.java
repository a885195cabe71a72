package dev.faultline.catalog.streams;

import dev.faultline.declarations.failuremode.BuiltInFailureModes;
import dev.faultline.declarations.targets.TargetsFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What other tools declare, for catalog tests: targets (from a targets file), templates, deployment windows. */
public final class TestDeclarations {

    /** storefront (http-storefront, calls pricing, no host declared) in staging and production. */
    public static final String TARGETS = """
            environments:
              staging:
                storefront: &storefront
                  type: http-storefront
                  owners: [shop-team]
                  base-url: http://127.0.0.1:8080
                  endpoints:
                    product-reads: {method: GET, path: /products/sku-1, success: [200]}
                  dependencies:
                    pricing: {protocol: http, proxy: pricing}
              production:
                storefront: *storefront
            """;

    private TestDeclarations() {
    }

    /** The targets of {@code yaml}, keyed as on faultline.targets. */
    public static List<TargetDeclared> targets(String yaml) {
        try {
            return TargetsFile.read(yaml, "targets.yaml", "alice", Clock.systemUTC());
        } catch (Invalid invalid) {
            throw new IllegalArgumentException("bad test targets: " + invalid.problems(), invalid);
        }
    }

    public static String key(TargetDeclared target) {
        return TargetsFile.keyOf(target.getEnvironment(), target.getService());
    }

    /** A template a team added: {@code faultType} on the service itself, for {@code serviceType}. */
    public static FailureModeDeclared added(String templateId, String serviceType, FaultType faultType) {
        return FailureModeDeclared.newBuilder(BuiltInFailureModes.all(Clock.systemUTC()).get(0)).setTemplateId(templateId)
                .setServiceType(serviceType).setFaultType(faultType).setTargetKind(TargetKind.SERVICE).setSource("team.yaml")
                .build();
    }

    /** A deployment window of {@code services} starting at {@code start}, an hour long. */
    public static CalendarEntryPublished deployment(String entryId, Instant start, boolean cancelled, String... services) {
        return CalendarEntryPublished.newBuilder().setHeader(TestEvents.header("", start)).setEntryId(entryId)
                .setKind(CalendarEntryKind.DEPLOYMENT_WINDOW).setEnvironment(Environment.PRODUCTION)
                .setServices(List.of(services)).setStartsAt(start).setEndsAt(start.plus(Duration.ofHours(1)))
                .setTitle("release 42").setPerson(null).setSource("deploy-tool").setCancelled(cancelled).build();
    }
}
