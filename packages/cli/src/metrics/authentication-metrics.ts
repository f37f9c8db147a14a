/**
 * Authentications a node's services decided, as Kafka counts them per listener
 * (successful-authentication-total, failed-authentication-total), in kz's naming: `service` is the
 * Kafka listener (`broker`) or a gRPC service (`raft`, `replication`), `mechanism` a SASL mechanism
 * or `SSL` (a TLS handshake, a client certificate, a node certificate naming another node).
 *
 * The gRPC services count the callers they refuse for the node their certificate names; a TLS
 * handshake grpc-js fails itself (no certificate, an expired or foreign one) never reaches kz, so it
 * is logged by grpc-js's tracer only and not counted here.
 */
import type { AuthenticationObserver } from '@kz/runtime';
import { Counter, type Registry } from 'prom-client';

export class AuthenticationMetrics {
  private readonly successful: Counter<'service' | 'mechanism'>;
  private readonly failed: Counter<'service' | 'mechanism'>;

  constructor(registry: Registry) {
    this.successful = new Counter({
      name: 'kz_successful_authentication_total',
      help: "Connections that authenticated (Kafka's successful-authentication-total): a SASL exchange, or an SSL listener's TLS handshake; by service and mechanism.",
      labelNames: ['service', 'mechanism'] as const,
      registers: [registry],
    });
    this.failed = new Counter({
      name: 'kz_failed_authentication_total',
      help: "Authentications refused (Kafka's failed-authentication-total): a wrong SASL password or unknown user, an unsupported mechanism (UNSUPPORTED), a request before any login (NONE), a failed TLS handshake or client certificate, a node certificate naming another node; by service and mechanism.",
      labelNames: ['service', 'mechanism'] as const,
      registers: [registry],
    });
  }

  readonly observer: AuthenticationObserver = (service, mechanism, succeeded) => {
    (succeeded ? this.successful : this.failed).inc({ service, mechanism });
  };
}
