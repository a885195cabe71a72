package dev.faultline.schemas.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-<record full name>}: Faultline's default for values, since several event types share a topic
 * (e.g. {@code faultline.hypotheses}) and each evolves on its own.
 */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + SubjectNames.recordName(schema);
    }
}
