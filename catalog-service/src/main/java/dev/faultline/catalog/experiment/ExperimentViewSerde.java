package dev.faultline.catalog.experiment;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde of {@link ExperimentView} for the internal {@value ExperimentTopology#STORE} store and its changelog. */
public final class ExperimentViewSerde implements Serde<ExperimentView> {

    private final JsonMapper json;

    public ExperimentViewSerde(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Serializer<ExperimentView> serializer() {
        return (topic, view) -> {
            if (view == null) {
                return null;
            }
            try {
                return json.writeValueAsBytes(view);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the view of " + view.experimentId(), e);
            }
        };
    }

    @Override
    public Deserializer<ExperimentView> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return json.readValue(bytes, ExperimentView.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read an experiment view from " + topic, e);
            }
        };
    }
}
