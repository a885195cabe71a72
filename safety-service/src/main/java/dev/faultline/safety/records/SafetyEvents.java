package dev.faultline.safety.records;

import org.apache.avro.specific.SpecificRecord;

/** Port: publishes one of safety-service's events durably (Kafka in the service, a list in unit tests). */
public interface SafetyEvents {

    void publish(SpecificRecord event);
}
