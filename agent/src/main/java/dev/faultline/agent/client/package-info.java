/**
 * The client controllers use to drive a host agent: rehearse, create, renew, release, list.
 * Free of the agent's server classes; needs only the JDK and Jackson.
 */
package dev.faultline.agent.client;
