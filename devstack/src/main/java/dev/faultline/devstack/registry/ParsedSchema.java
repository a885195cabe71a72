package dev.faultline.devstack.registry;

import java.util.List;
import org.apache.avro.Schema;

/** A schema accepted by the parser: the Avro object, its canonical text and its references. */
record ParsedSchema(String schemaType, Schema avro, String canonical, List<SchemaReference> references) {
}
