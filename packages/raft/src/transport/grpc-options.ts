/**
 * The grpc-js channel and server options every kz Raft endpoint uses. grpc-js defaults suit
 * request/response APIs over the internet, not a quorum on a LAN: a 4 MiB receive limit (a Fetch
 * response or snapshot chunk is bigger), reconnect backoff growing to 120 s (a restarted voter must
 * be found again within an election timeout), and no client keepalive (a silently dead peer would
 * only be noticed when a call times out).
 */
import type { ChannelOptions } from '@grpc/grpc-js';

/** Kafka's `reconnect.backoff.ms` / `reconnect.backoff.max.ms`. */
export const RECONNECT_BACKOFF_MS = 50;
export const RECONNECT_BACKOFF_MAX_MS = 1000;
/**
 * A ping after 10 s of silence, dead after 5 s more. Both ends are grpc-js, which does not punish
 * frequent pings (no too_many_pings GOAWAY), so pinging without calls is safe.
 */
export const KEEPALIVE_TIME_MS = 10_000;
export const KEEPALIVE_TIMEOUT_MS = 5_000;

function messageLimits(maxMessageBytes: number): ChannelOptions {
  return {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
  };
}

export function clientChannelOptions(maxMessageBytes: number): ChannelOptions {
  return {
    ...messageLimits(maxMessageBytes),
    'grpc.initial_reconnect_backoff_ms': RECONNECT_BACKOFF_MS,
    'grpc.max_reconnect_backoff_ms': RECONNECT_BACKOFF_MAX_MS,
    'grpc.keepalive_time_ms': KEEPALIVE_TIME_MS,
    'grpc.keepalive_timeout_ms': KEEPALIVE_TIMEOUT_MS,
    'grpc.keepalive_permit_without_calls': 1,
    // The Raft core retries on its own timers with fresh request ids; a transport-level retry
    // could only deliver a request twice, and would buffer a copy of every request to do so.
    'grpc.enable_retries': 0,
    // One connection per (transport, peer): without this grpc-js shares subchannels process-wide,
    // so two nodes in one process (tests, examples) would share — and close — each other's sockets.
    'grpc.use_local_subchannel_pool': 1,
  };
}

export function serverOptions(maxMessageBytes: number): ChannelOptions {
  return {
    ...messageLimits(maxMessageBytes),
    // Detect dead clients too: their pending calls hold memory until they time out.
    'grpc.keepalive_time_ms': KEEPALIVE_TIME_MS,
    'grpc.keepalive_timeout_ms': KEEPALIVE_TIMEOUT_MS,
  };
}
