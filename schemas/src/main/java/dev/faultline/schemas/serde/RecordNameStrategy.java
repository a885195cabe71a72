package dev.faultline.schemas.serde;

import org.apache.avro.Schema;

/** {@code <record full name>}: one schema lineage per record type, whatever topic it is written to. */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return SubjectNames.recordName(schema);
    }
}
