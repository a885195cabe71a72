package dev.faultline.safety;

import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.baseline.BaselineHealthCheck;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.Baselines;
import dev.faultline.safety.calendar.FreezeCalendar;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.policy.PolicyConfiguration;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.safety.preflight.ApprovalBook;
import dev.faultline.safety.preflight.Preflight;
import dev.faultline.safety.preflight.RollbackDryRun;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires safety-service's plain domain classes (rules, read models, the preflight) from configuration. */
@Factory
public class SafetyFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SafetyPolicy safetyPolicy(Environment environment) {
        return PolicyConfiguration.policy(environment);
    }

    @Singleton
    FreezeCalendar freezeCalendar(Environment environment) {
        return new FreezeCalendar(PolicyConfiguration.freezes(environment));
    }

    @Singleton
    ActiveHalts activeHalts() {
        return new ActiveHalts();
    }

    @Singleton
    ActiveInjections activeInjections() {
        return new ActiveInjections();
    }

    @Singleton
    BaselineHealthCheck baselineHealthCheck(Baselines baselines, Clock clock, HttpClientSpans spans,
                                            @Value("${faultline.safety.baseline.samples:10}") int samples,
                                            @Value("${faultline.safety.baseline.pause-millis:20}") long pauseMillis) {
        return new BaselineHealthCheck(new BaselineSampler(samples, pauseMillis, spans), baselines, clock);
    }

    @Singleton
    Preflight preflight(SafetyPolicy policy, FreezeCalendar calendar, ActiveHalts halts, ActiveInjections injections,
                        BaselineHealthCheck baseline, RollbackDryRun rollback, ApprovalBook approvals, Clock clock) {
        return new Preflight(policy, calendar, halts, injections, baseline, rollback, approvals, clock);
    }
}
