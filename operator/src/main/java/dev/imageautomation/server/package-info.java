/**
 * The operator's own HTTP endpoints: {@code /healthz} and {@code /readyz} on {@code --health-addr}, Prometheus
 * {@code /metrics} on {@code --metrics-addr}. Built on the JDK's {@code com.sun.net.httpserver} because three
 * read-only endpoints do not justify a web framework; Kubernetes-free.
 */
package dev.imageautomation.server;
