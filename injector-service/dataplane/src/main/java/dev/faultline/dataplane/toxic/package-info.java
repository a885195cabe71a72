/**
 * Toxiproxy's faults modelled as Toxiproxy does: a common envelope
 * ({@link dev.faultline.dataplane.toxic.ToxicSpec}), each fault's own attributes (a record
 * implementing {@link dev.faultline.dataplane.toxic.Toxic}), a registry by type name
 * ({@link dev.faultline.dataplane.toxic.ToxicTypes}). A new fault is one record and one
 * registration. Stages get time and randomness injected, so unit tests never sleep.
 */
package dev.faultline.dataplane.toxic;
