/** Kafka's StandardAuthorizer lives in @kz/metadata beside the ACLs it reads; the admin service uses it too. */
export { StandardAuthorizer, ALLOW_ALL, type Authorizer, type StandardAuthorizerOptions } from '@kz/metadata';
