import { RAFT_PROTO_PATH } from '../../src/transport/raft-schema';
import { loadServiceSchema } from '../../src/transport/service-schema';

// raft.proto's RaftService stands in for any service: the loader knows nothing of Raft.
const SERVICE = 'kz.raft.v1.RaftService';

describe('loadServiceSchema', () => {
  it('resolves the request and response message of every RPC', () => {
    const schema = loadServiceSchema(RAFT_PROTO_PATH, SERVICE);
    expect(schema.service.fullName).toBe(`.${SERVICE}`);
    expect(schema.requestType('Vote').fullName).toBe('.kz.raft.v1.VoteRequest');
    expect(schema.responseType('Fetch').fullName).toBe('.kz.raft.v1.FetchResponse');
    for (const method of schema.service.methodsArray) {
      expect(schema.requestType(method.name).name).toBe(method.requestType);
      expect(schema.responseType(method.name).name).toBe(method.responseType);
    }
  });

  it('names the service when asked for an RPC it does not have', () => {
    const schema = loadServiceSchema(RAFT_PROTO_PATH, SERVICE);
    expect(() => schema.requestType('Produce')).toThrow(`${SERVICE} has no RPC Produce`);
  });

  it('fails at load for a service the file does not define', () => {
    expect(() => loadServiceSchema(RAFT_PROTO_PATH, 'kz.raft.v1.NoSuchService')).toThrow();
  });
});
