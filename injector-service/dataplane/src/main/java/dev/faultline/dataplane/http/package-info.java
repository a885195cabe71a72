/**
 * L7 fault proxies for dependencies spoken over HTTP/1.1. {@link dev.faultline.dataplane.http.HttpProxyRegistry}
 * holds the proxies and their leased rules; a rule is an envelope
 * ({@link dev.faultline.dataplane.http.HttpRuleSpec}: name, match, share) around an action
 * ({@link dev.faultline.dataplane.http.HttpAction}: respond, delay, replace_body, corrupt_body,
 * abort, registered in {@link dev.faultline.dataplane.http.HttpActionTypes}). On the wire,
 * {@code ClientSide}/{@code UpstreamSide} stream each connection through Netty's HTTP codecs
 * and {@code ResponseOrder} keeps pipelined answers in request order.
 * {@link dev.faultline.dataplane.http.HttpFaultRoutes} is the management API.
 */
package dev.faultline.dataplane.http;
