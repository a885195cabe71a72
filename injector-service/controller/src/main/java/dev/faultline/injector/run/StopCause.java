package dev.faultline.injector.run;

import dev.faultline.injector.guardrail.Breach;
import dev.faultline.schemas.avro.StopReason;

/** Why a run's fault is being removed: the deadline, a guardrail breach, an operator's halt, or a failure. */
public record StopCause(StopReason reason, Breach breach, String detail) {

    public static StopCause of(StopReason reason, String detail) {
        return new StopCause(reason, null, detail);
    }

    public static StopCause guardrail(Breach breach) {
        return new StopCause(StopReason.GUARDRAIL, breach, "guardrail " + breach.rule().id() + " (" + breach.rule().describe()
                + ") breached: " + breach.what());
    }
}
