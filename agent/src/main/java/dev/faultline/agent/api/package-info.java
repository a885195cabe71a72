/**
 * The agent's HTTP server and its contract, in the data plane's shape: a request, an answer, a
 * refusal with a message that says what to fix, route groups ({@link dev.faultline.agent.api.ApiRoutes}),
 * and the shared bearer token every caller but a health probe presents.
 */
package dev.faultline.agent.api;
