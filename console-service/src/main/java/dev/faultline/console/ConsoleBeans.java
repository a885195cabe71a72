package dev.faultline.console;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock of the live view's retention. */
@Factory
public class ConsoleBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
