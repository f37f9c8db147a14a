/**
 * One Kafka request to one broker's listener, typed by @kz/kafka-protocol: for the APIs no client
 * at hand sends (ElectLeaders, reassignments, DescribeLogDirs, ...), so tests can speak them at
 * the versions the broker advertises.
 */
import * as net from 'node:net';
import { decodeResponse, encodeRequest, FrameDecoder, type ApiKey, type ApiRequestTypes, type ApiResponseTypes, type Complete } from '@kz/kafka-protocol';

export function kafkaRequest<K extends ApiKey>(address: string, apiKey: K, version: number, body: ApiRequestTypes[K], timeoutMs = 20_000): Promise<Complete<ApiResponseTypes[K]>> {
  const at = address.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address.slice(0, at), port: Number(address.slice(at + 1)) });
    const frames = new FrameDecoder();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${address} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(encodeRequest(apiKey, version, 1, 'kz-test', body)));
    socket.on('data', (chunk: Buffer) => {
      const [frame] = frames.push(chunk);
      if (frame === undefined) return;
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve(decodeResponse(apiKey, version, frame).body);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
