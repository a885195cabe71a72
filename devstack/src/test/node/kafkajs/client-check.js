// Drives the devstack schema registry with the unmodified third-party Node client
// @kafkajs/confluent-schema-registry. Usage: node client-check.js <registry-url>
// Prints one JSON line with what it observed and exits 0, or prints the failure and exits 1.
'use strict';

const assert = require('node:assert/strict');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const url = process.argv[2];
const subject = process.argv[3] || 'node-client-value';
// the registry's writes need HTTP Basic: user:password from the environment (never on the command line)
const [username, password] = (process.env.REGISTRY_USER_INFO || '').split(/:(.*)/s);

const userV1 = {
  type: 'record', name: 'User', namespace: 'node.check',
  fields: [{ name: 'name', type: 'string' }],
};
const userV2 = {
  type: 'record', name: 'User', namespace: 'node.check',
  fields: [{ name: 'name', type: 'string' }, { name: 'age', type: 'int', default: 0 }],
};
const userIncompatible = {
  type: 'record', name: 'User', namespace: 'node.check',
  fields: [{ name: 'name', type: 'string' }, { name: 'email', type: 'string' }],
};

const avro = (schema) => ({ type: SchemaType.AVRO, schema: JSON.stringify(schema) });

async function main() {
  assert.ok(url, 'usage: node client-check.js <registry-url> [subject]');
  const registry = new SchemaRegistry({ host: url, clientId: 'faultline-node-check', auth: { username, password } });

  const { id: v1 } = await registry.register(avro(userV1), { subject });
  const encoded = await registry.encode(v1, { name: 'Ada' });
  assert.equal(encoded.readUInt8(0), 0, 'magic byte');
  assert.equal(encoded.readInt32BE(1), v1, 'schema id in the wire format');
  assert.deepEqual({ ...(await registry.decode(encoded)) }, { name: 'Ada' });

  const { id: again } = await registry.register(avro(userV1), { subject });
  assert.equal(again, v1, 'same schema, same id');
  const { id: v2 } = await registry.register(avro(userV2), { subject });
  assert.notEqual(v2, v1);

  // a fresh client has no cache: everything below comes from the registry
  const fresh = new SchemaRegistry({ host: url });
  assert.deepEqual({ ...(await fresh.decode(encoded)) }, { name: 'Ada' });
  assert.equal(await fresh.getLatestSchemaId(subject), v2);
  assert.equal(await fresh.getRegistryId(subject, 1), v1);
  assert.equal(await fresh.getRegistryIdBySchema(subject, avro(userV1)), v1);
  const schema = await fresh.getSchema(v2);
  assert.equal(schema.name, 'node.check.User');

  const refused = await registry.register(avro(userIncompatible), { subject }).then(() => null, (e) => e);
  assert.ok(refused, 'an incompatible schema must be refused');
  assert.equal(refused.status, 409);

  const missing = await fresh.getLatestSchemaId(subject + '-missing').then(() => null, (e) => e);
  assert.ok(missing, 'an unknown subject must be refused');
  assert.equal(missing.status, 404);
  assert.match(missing.message, /not found/);

  console.log(JSON.stringify({ ok: true, subject, v1, v2, encodedBytes: encoded.length,
    incompatibleStatus: refused.status, missingMessage: missing.message }));
}

main().catch((error) => {
  console.error('node client check failed:', error && error.stack ? error.stack : error);
  process.exit(1);
});
