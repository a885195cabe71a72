package dev.faultline.injector.fault;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.injector.InjectorSettings;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link AgentClient} per agent base URL, authenticated with the injector's agent token. */
@Singleton
public class AgentClients {

    private final String token;
    private final Map<String, AgentClient> clients = new ConcurrentHashMap<>();

    public AgentClients(InjectorSettings settings) {
        this.token = settings.agentToken();
    }

    public AgentClient of(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, url -> new AgentClient(URI.create(url), token));
    }
}
