/**
 * A `kz server --config FILE`: `key=value` lines whose keys are the server's long flag names
 * (`voters=1@127.0.0.1:9094`, `log-level=debug`), `#` comments, as a Kafka operator writes
 * server.properties. Flags on the command line win over the file.
 */
import * as fs from 'node:fs';
import { usageError } from '../cli-error';

export function readPropertiesFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`--config: cannot read ${file}: ${(error as Error).message}`);
  }
  return parseProperties(text, file);
}

export function parseProperties(text: string, source: string): Record<string, string> {
  const values: Record<string, string> = {};
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) throw usageError(`${source}:${index + 1}: expected key=value, got ${JSON.stringify(line)}`);
    values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return values;
}
