package dev.faultline.cli.watch;

import dev.faultline.schemas.avro.EventHeader;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One event read off a Faultline topic, with the experiment id from its header. */
public record StreamedEvent(String topic, String key, SpecificRecord value) {

    /** The event's common header (every Faultline event has one). */
    public EventHeader header() {
        Schema.Field field = value.getSchema().getField("header");
        return field == null ? null : (EventHeader) value.get(field.pos());
    }

    /** The experiment the event is about: the header's id, else the record key. */
    public String experimentId() {
        EventHeader header = header();
        return header != null ? header.getExperimentId() : key;
    }

    public String type() {
        return value.getSchema().getName();
    }

    public boolean is(Class<? extends SpecificRecord> type) {
        return type.isInstance(value);
    }

    public <T extends SpecificRecord> T as(Class<T> type) {
        return type.cast(value);
    }
}
