package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.Hypothesis;
import java.util.List;

/** One pure lint rule over a drafted hypothesis. */
@FunctionalInterface
public interface HypothesisRule {

    List<Finding> check(Hypothesis hypothesis);
}
