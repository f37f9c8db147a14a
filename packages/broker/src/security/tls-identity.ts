/** The node's TLS identity lives in @kz/raft, whose gRPC services use it too; the Kafka listener shares it. */
export { TlsIdentity, TlsConfigError, readTlsFiles, type TlsFiles, type TlsMaterial } from '@kz/raft';
