// Drives the devstack schema registry with Confluent's own JavaScript client,
// @confluentinc/schemaregistry (a port of the Java client), unchanged.
// Usage: node client-check.js <registry-url> [subject]
// Prints one JSON line with what it observed and exits 0, or prints the failure and exits 1.
'use strict';

const assert = require('node:assert/strict');
const {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType, RestError,
} = require('@confluentinc/schemaregistry');

const url = process.argv[2];
const topic = process.argv[3] || 'confluent-client';
// the registry's writes need HTTP Basic: user:password from the environment (never on the command line)
const auth = { basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: process.env.REGISTRY_USER_INFO } };
const subject = `${topic}-value`;

const record = (fields) => ({ type: 'record', name: 'Order', namespace: 'confluent.check', fields });
const orderV1 = record([{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' }]);
const orderV2 = record([{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' },
  { name: 'currency', type: 'string', default: 'EUR' }]);
const orderIncompatible = record([{ name: 'id', type: 'long' }]);
const avro = (schema) => ({ schemaType: 'AVRO', schema: JSON.stringify(schema) });

async function refusal(promise) {
  const error = await promise.then(() => null, (e) => e);
  assert.ok(error instanceof RestError, `expected a RestError, got ${error}`);
  return { status: error.status, errorCode: error.errorCode, message: error.message };
}

async function main() {
  assert.ok(url, 'usage: node client-check.js <registry-url> [topic]');
  const client = new SchemaRegistryClient({ baseURLs: [url], cacheCapacity: 100, ...auth });

  const v1 = await client.register(subject, avro(orderV1));
  assert.equal(await client.register(subject, avro(orderV1)), v1, 'same schema, same id');
  // the serializer fetches the subject's latest version, as a producer with use.latest.version does
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await serializer.serialize(topic, { id: 'o-1', amount: 12.5 });
  assert.equal(bytes.readUInt8(0), 0, 'magic byte');
  assert.equal(bytes.readInt32BE(1), v1, 'schema id in the wire format');

  const fresh = new SchemaRegistryClient({ baseURLs: [url], ...auth });
  const deserializer = new AvroDeserializer(fresh, SerdeType.VALUE, {});
  assert.deepEqual({ ...(await deserializer.deserialize(topic, bytes)) }, { id: 'o-1', amount: 12.5 });

  assert.equal(await fresh.getId(subject, avro(orderV1)), v1, 'lookup under the subject');
  assert.equal(await fresh.getVersion(subject, avro(orderV1)), 1);
  assert.equal(JSON.parse((await fresh.getBySubjectAndId(subject, v1)).schema).name, 'Order');
  assert.equal(await fresh.testSubjectCompatibility(subject, avro(orderV2)), true);
  assert.equal(await fresh.testCompatibility(subject, 1, avro(orderIncompatible)), false);

  const v2 = await client.register(subject, avro(orderV2));
  assert.notEqual(v2, v1);
  const latest = await fresh.getLatestSchemaMetadata(subject);
  assert.equal(latest.id, v2);
  assert.equal(latest.version, 2);
  assert.equal((await fresh.getSchemaMetadata(subject, 1)).id, v1);
  assert.deepEqual(await fresh.getAllVersions(subject), [1, 2]);
  assert.ok((await fresh.getAllSubjects()).includes(subject));

  const incompatible = await refusal(client.register(subject, avro(orderIncompatible)));
  assert.equal(incompatible.status, 409);
  const notConfigured = await refusal(fresh.getCompatibility(subject));
  assert.equal(notConfigured.errorCode, 40408);
  assert.equal(await client.updateCompatibility(subject, 'FULL'), 'FULL');
  assert.equal(await fresh.getCompatibility(subject), 'FULL');
  assert.equal(await fresh.getDefaultCompatibility(), 'BACKWARD');

  const invalid = await refusal(client.register(`${topic}-invalid`, { schemaType: 'AVRO', schema: '{"type":' }));
  assert.equal(invalid.errorCode, 42201);
  const missing = await refusal(fresh.getLatestSchemaMetadata(`${topic}-missing`));
  assert.equal(missing.errorCode, 40401);

  assert.equal(await client.deleteSubjectVersion(subject, 2, false), 2);
  assert.deepEqual(await client.deleteSubject(subject, false), [1]);
  assert.deepEqual(await client.deleteSubject(subject, true), [1, 2]);
  const gone = await refusal(new SchemaRegistryClient({ baseURLs: [url], ...auth }).getAllVersions(subject));
  assert.equal(gone.errorCode, 40401);

  console.log(JSON.stringify({ ok: true, subject, v1, v2, encodedBytes: bytes.length,
    incompatible, notConfigured, invalid: invalid.errorCode, missing: missing.errorCode }));
}

main().catch((error) => {
  console.error('confluent client check failed:', error && error.stack ? error.stack : error);
  process.exit(1);
});
