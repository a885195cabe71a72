/**
 * Leases: every fault of the data plane expires unless its controller renews it, and an
 * expired fault removes itself exactly as a delete would.
 */
package dev.faultline.dataplane.lease;
