/**
 * Leases: every fault on the host expires unless its controller renews it, and an expired
 * fault is removed (and its removal verified) exactly as a stop would.
 */
package dev.faultline.agent.lease;
