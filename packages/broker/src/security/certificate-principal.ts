/**
 * The principal a verified client certificate names: `User:<common name>`. Kafka's default would be
 * the whole distinguished name; kz applies what Kafka operators usually configure instead
 * (`ssl.principal.mapping.rules=RULE:^CN=([^,]*).*$/$1/`), so an ACL says `User:alice`, not
 * `User:CN=alice,OU=...`. A certificate without a common name is ANONYMOUS.
 */
import type { PeerCertificate } from 'node:tls';

export function certificatePrincipal(certificate: PeerCertificate): string {
  const cn = commonName(certificate);
  return cn === null ? 'User:ANONYMOUS' : `User:${cn}`;
}

export function commonName(certificate: PeerCertificate): string | null {
  const cn = certificate.subject?.CN as string | string[] | undefined;
  if (cn === undefined) return null;
  // A subject with several CNs: the most specific (last) one, as RFC 6125 reads them.
  const value = Array.isArray(cn) ? cn[cn.length - 1] : cn;
  return value === undefined || value === '' ? null : value;
}
