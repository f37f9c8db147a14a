import { join } from 'node:path';
import { loadServiceSchema } from '../src/service-schema';

const PROTO = join(__dirname, 'fixtures', 'echo.proto');
const SERVICE = 'kz.test.v1.EchoService';

describe('loadServiceSchema', () => {
  it('resolves the request and response message of every RPC', () => {
    const schema = loadServiceSchema(PROTO, SERVICE);
    expect(schema.service.fullName).toBe(`.${SERVICE}`);
    expect(schema.requestType('Echo').fullName).toBe('.kz.test.v1.EchoRequest');
    expect(schema.responseType('Count').fullName).toBe('.kz.test.v1.CountResponse');
    for (const method of schema.service.methodsArray) {
      expect(schema.requestType(method.name).name).toBe(method.requestType);
      expect(schema.responseType(method.name).name).toBe(method.responseType);
    }
  });

  it('names the service when asked for an RPC it does not have', () => {
    const schema = loadServiceSchema(PROTO, SERVICE);
    expect(() => schema.requestType('Produce')).toThrow(`${SERVICE} has no RPC Produce`);
  });

  it('fails at load for a service the file does not define', () => {
    expect(() => loadServiceSchema(PROTO, 'kz.test.v1.NoSuchService')).toThrow();
  });
});
