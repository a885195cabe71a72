package dev.faultline.injector.fault;

import dev.faultline.agent.client.AgentException;
import dev.faultline.agent.client.Removal;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts' agents' leftovers of a lease holder: every agent a targets file declares is asked. An agent that died
 * too removed its faults when it started again (its own journal), or its process took them with it.
 */
@Singleton
public class AgentSweeper implements LeftoverSweeper {

    private final TargetRoutes routes;
    private final AgentClients agents;

    public AgentSweeper(TargetRoutes routes, AgentClients agents) {
        this.routes = routes;
        this.agents = agents;
    }

    @Override
    public String where() {
        return "the agents on " + routes.agentUrls();
    }

    @Override
    public List<String> sweep(String holder) {
        List<String> removed = new ArrayList<>();
        for (String url : routes.agentUrls()) {
            try {
                agents.of(url).release(holder).removed().stream().map(Removal::name).forEach(removed::add);
            } catch (AgentException e) {
                throw new FaultException("agent at " + url + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    @Override
    public boolean gone(String holder) {
        return routes.agentUrls().stream().allMatch(url -> agents.of(url).leasesOf(holder).isEmpty());
    }
}
