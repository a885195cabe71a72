/** Toxiproxy's HTTP API (paths, JSON shapes, status codes) over the L4 proxies, plus lease fields. */
package dev.faultline.dataplane.toxiproxy;
