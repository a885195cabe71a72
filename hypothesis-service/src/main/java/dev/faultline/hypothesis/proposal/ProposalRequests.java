package dev.faultline.hypothesis.proposal;

import dev.faultline.kit.http.RequestedWindow;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the form of a {@link ProposalRequest} and turns it into a {@link Proposal}; a missing or malformed field
 * is an {@link InvalidRequest} naming the field (and the valid values of an enum). Whether the proposal makes a
 * runnable hypothesis is the drafter's question, not this one's.
 */
public final class ProposalRequests {

    /** A request field that is missing or malformed. */
    public static final class InvalidRequest extends RuntimeException {
        public InvalidRequest(String message) {
            super(message);
        }
    }

    private ProposalRequests() {
    }

    /**
     * @param proposer who proposes: the subject of the caller's token, never a body field
     * @param now      a requested start or window must lie after it
     */
    public static Proposal toProposal(ProposalRequest r, String experimentId, String proposer, Instant now) {
        if (r.proposer() != null) {
            throw new InvalidRequest("proposer is taken from your token (" + proposer + "); leave it out of the body");
        }
        String service = required("service", r.service());
        FaultType faultType = enumValue("faultType", required("faultType", r.faultType()), FaultType.class);
        Environment environment = enumValue("environment", required("environment", r.environment()), Environment.class);
        String motivation = required("motivation", r.motivation());
        ProposalReason reason = r.reason() == null ? ProposalReason.ROUTINE
                : enumValue("reason", r.reason(), ProposalReason.class);
        if (r.durationSeconds() != null && r.durationSeconds() <= 0) {
            throw new InvalidRequest("durationSeconds must be a positive number of seconds, was " + r.durationSeconds());
        }
        Map<String, String> labels = new HashMap<>(r.labels() == null ? Map.of() : r.labels());
        if (r.trafficShare() != null) {
            if (!(r.trafficShare() > 0 && r.trafficShare() <= 1)) {
                throw new InvalidRequest("trafficShare must be greater than 0 and at most 1, was " + r.trafficShare());
            }
            labels.put(Proposal.TRAFFIC_SHARE_LABEL, Double.toString(r.trafficShare()));
        }
        String dependency = r.dependency() == null || r.dependency().isBlank() ? null : r.dependency();
        Long duration = r.durationSeconds() == null ? null : r.durationSeconds() * 1000;
        String incident = r.incidentId() == null || r.incidentId().isBlank() ? null : r.incidentId().strip();
        RequestedWindow window;
        try {
            window = RequestedWindow.parse(r.at(), r.windowStart(), r.windowEnd());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        Instant start = window.start();
        Instant end = window.end();
        if (start != null && !start.isAfter(now)) {
            throw new InvalidRequest((r.at() != null ? "at" : "windowStart") + " " + start + " is not in the future"
                    + " (now is " + now + "); leave it out to run once approved");
        }
        if (end != null && !end.isAfter(start != null ? start : now)) {
            throw new InvalidRequest("windowEnd " + end + " must be after " + (start != null ? "windowStart " + start
                    : "now (" + now + ")"));
        }
        return new Proposal(experimentId, service, faultType, dependency, environment, proposer, reason, motivation,
                duration, labels, incident, start, end);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(field + " is required");
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        List<String> valid = Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals("UNKNOWN")).toList();
        try {
            E parsed = Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
            if (!parsed.name().equals("UNKNOWN")) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below with the valid values
        }
        throw new InvalidRequest(field + " '" + value + "' is not one of " + valid);
    }
}
