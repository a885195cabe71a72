package dev.faultline.agent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A holder's faults removed at once; {@code verified} when every removal was. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Release(String holder, List<Removal> removed, boolean verified) {
}
