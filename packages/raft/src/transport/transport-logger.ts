/**
 * The logging the transport needs: the subset of pino's API it calls, so a pino logger (or a
 * child of one) fits as is and tests can pass a recording stub. Structured first argument, message
 * second, as pino wants it.
 */
export interface RaftTransportLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** The default: a transport is quiet unless given a logger. */
export const SILENT_TRANSPORT_LOGGER: RaftTransportLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
