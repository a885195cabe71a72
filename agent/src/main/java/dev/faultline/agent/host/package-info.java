/**
 * The host as faults see it: the process table and signals, native memory and the kernel's
 * view of it, the allow-list and the state journal that outlives the agent. No HTTP here.
 */
package dev.faultline.agent.host;
