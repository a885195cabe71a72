/**
 * The management HTTP server and its contract: a request, an answer, a refusal with a
 * message that says what to fix, and route groups ({@link dev.faultline.dataplane.api.ApiRoutes})
 * that each feature (Toxiproxy API, leases, L7 proxies) plugs in.
 */
package dev.faultline.dataplane.api;
