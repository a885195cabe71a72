package dev.faultline.schemas.serde;

import org.apache.avro.Schema;

/** Confluent's default: {@code <topic>-key} / {@code <topic>-value}; one schema lineage per topic. */
public final class TopicNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }
}
