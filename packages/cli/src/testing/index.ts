/** @kz/cli/testing: a local cluster of real `kz server` processes, for demos and process tests. */
export { LocalCluster, KZ_MAIN_JS, FAST_FAILOVER_FLAGS, assertKzBuilt, type LocalClusterOptions, type NodeAddresses } from './local-cluster';
export { createDevCertificates, issueDevCertificate, type CertificateFiles, type CertificateValidity, type DevCertificates, type DevCertificateOptions } from '@kz/raft/testing';
