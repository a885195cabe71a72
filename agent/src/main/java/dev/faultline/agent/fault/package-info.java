/**
 * The host-fault model, shaped like the data plane's toxics: a record per kind
 * ({@link dev.faultline.agent.fault.HostFault}) registered by name ({@link dev.faultline.agent.fault.FaultKinds}),
 * an {@link dev.faultline.agent.fault.Effect} that measures and undoes itself, and the lifecycle
 * ({@link dev.faultline.agent.fault.HostFaults}) that leases every fault.
 */
package dev.faultline.agent.fault;
