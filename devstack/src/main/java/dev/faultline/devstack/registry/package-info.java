/**
 * A schema registry that speaks Confluent Schema Registry's REST API, so that Confluent's
 * clients and other languages' clients work against it unchanged; its state lives in the
 * compacted Kafka topic {@code _faultline_schemas}, so a restart keeps schemas and ids.
 *
 * <p>Roles: {@link dev.faultline.devstack.registry.SchemaRegistryServer} (lifecycle),
 * {@code Router} and {@code *Routes} (HTTP), {@code SchemaRegistry}, {@code SchemaQueries},
 * {@code SchemaDeletions}, {@code RegistryConfigs} (the API's rules), {@code AvroSchemaParser}
 * and {@code CompatibilityChecker} (Avro), {@code RegistryState}, {@code RegistryLog} and
 * {@code KafkaLogStore} (state and its log), {@code RegistryErrors} (Confluent's error codes).
 *
 * <p>Scope: AVRO schemas only (JSON and PROTOBUF are refused with 42201); mode READWRITE only;
 * no schema contexts, rule sets, metadata, tags or {@code /schemas} paging; {@code normalize}
 * is accepted, and identity is Avro's canonical JSON, which already ignores layout. One
 * registry instance per topic: it is the single writer of its log.
 */
package dev.faultline.devstack.registry;
