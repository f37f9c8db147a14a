/**
 * Told of every request a kz gRPC service answered, for monitoring: the RPC's name (`Produce`,
 * `CreateTopics`, ...), how long it took from arrival to answer, in milliseconds, and the Kafka
 * error name of its request-level outcome — null when it succeeded. Each service's documentation
 * says what it counts as the outcome (errors inside a response, per partition or per topic, are
 * not). It is called on the request path: it must be cheap and must not throw.
 */
export type RequestObserver = (api: string, durationMs: number, errorName: string | null) => void;
