/**
 * The host fault kinds: {@code cpu}, {@code memory}, {@code disk}, {@code pause}, {@code kill}.
 * Each is an attribute record ({@link dev.faultline.agent.fault.HostFault}) plus the effect it
 * puts in force, registered in {@link dev.faultline.agent.kind.BuiltInKinds}.
 */
package dev.faultline.agent.kind;
