package dev.faultline.console;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/** console-service on the devstack as the local stack runs it: the auditor's principal, no keyspace of its own. */
final class TestConsole {

    private TestConsole() {
    }

    /** @param serviceUrls each service's URL by its setting's name ({@code catalog} for {@code catalog-url}) */
    static ApplicationContext start(DevStack stack, Map<String, String> serviceUrls) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "unused");
        props.remove("faultline.cassandra.keyspace");
        // it reads the topics and may create none
        props.put("faultline.kafka.username", KafkaPrincipal.AUDITOR.username());
        props.put("faultline.kafka.password", stack.kafkaCredentials().password(KafkaPrincipal.AUDITOR));
        serviceUrls.forEach((service, url) -> props.put("faultline.services." + service + "-url", url));
        return ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
    }

    static String url(ApplicationContext console) {
        return "http://127.0.0.1:" + console.getBean(EmbeddedServer.class).getPort();
    }
}
