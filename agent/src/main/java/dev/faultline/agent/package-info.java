/**
 * The Faultline host agent: CPU, memory, disk and process faults on one host, each under a
 * lease, behind a token-protected HTTP API. {@link dev.faultline.agent.Agent} is the
 * composition root; {@code client} is what controllers use to drive it.
 */
package dev.faultline.agent;
