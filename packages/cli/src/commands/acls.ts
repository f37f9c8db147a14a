/**
 * `kz acls add|list|remove`: ACL bindings (Kafka's kafka-acls). A binding names one resource —
 * `--topic`, `--group`, `--transactional-id` or `--cluster` — literally or as a prefix
 * (`--prefixed`), a principal, a host (default every host), operations, and allow (default) or
 * `--deny`. `list` and `remove` take the same flags as a filter: what is not given matches all.
 */
import {
  ACL_OPERATIONS,
  CLUSTER_RESOURCE_NAME,
  MATCH_ALL_FILTER,
  type AclBinding,
  type AclCreation,
  type AclFilter,
  type AclOperationName,
  type ResourceTypeName,
} from '@kz/metadata';
import type { Argv, CommandModule } from 'yargs';
import { usageError } from '../cli-error';
import type { CliIo } from '../io';
import { renderTable } from '../output/table';
import { failIfAny } from './admin-outcome';
import { adminOptions, withAdmin } from './with-admin';

const OPERATION_CHOICES = (Object.keys(ACL_OPERATIONS) as AclOperationName[]).filter((o) => o !== 'UNKNOWN' && o !== 'ANY');

function aclOptions<T>(y: Argv<T>) {
  return adminOptions(y)
    .option('principal', { type: 'string', describe: 'who, as Type:name (User:alice; User:* is everyone)' })
    .option('host', { type: 'string', describe: 'the client IP address the ACL applies from (default *: any)' })
    .option('operation', { type: 'string', array: true, describe: `what, repeatable: ${OPERATION_CHOICES.join(', ')} (case-insensitive)` })
    .option('deny', { type: 'boolean', default: false, describe: 'a DENY binding (deny wins over allow)' })
    .option('topic', { type: 'string', describe: 'a topic (or, with --prefixed, a topic name prefix)' })
    .option('group', { type: 'string', describe: 'a consumer group (or prefix)' })
    .option('transactional-id', { type: 'string', describe: 'a transactional id (or prefix)' })
    .option('cluster', { type: 'boolean', default: false, describe: 'the cluster itself (topic creation, admin operations, idempotent writes)' })
    .option('prefixed', { type: 'boolean', default: false, describe: 'the resource name is a prefix (PREFIXED pattern)' });
}

interface AclArgs {
  principal?: string | undefined;
  host?: string | undefined;
  operation?: (string | number)[] | undefined;
  deny: boolean;
  topic?: string | undefined;
  group?: string | undefined;
  'transactional-id'?: string | undefined;
  cluster: boolean;
  prefixed: boolean;
}

/** The one resource the flags name, or null for none. */
function resourceOf(argv: AclArgs): { type: ResourceTypeName; name: string } | null {
  const named: { type: ResourceTypeName; name: string }[] = [];
  if (argv.topic !== undefined) named.push({ type: 'TOPIC', name: argv.topic });
  if (argv.group !== undefined) named.push({ type: 'GROUP', name: argv.group });
  if (argv['transactional-id'] !== undefined) named.push({ type: 'TRANSACTIONAL_ID', name: argv['transactional-id'] });
  if (argv.cluster) named.push({ type: 'CLUSTER', name: CLUSTER_RESOURCE_NAME });
  if (named.length > 1) throw usageError('name one resource: --topic, --group, --transactional-id or --cluster');
  return named[0] ?? null;
}

function operationsOf(argv: AclArgs): AclOperationName[] {
  return (argv.operation ?? []).map((raw) => {
    const op = String(raw).toUpperCase().replace(/-/g, '_');
    if (!(OPERATION_CHOICES as string[]).includes(op)) throw usageError(`--operation: ${raw} is not one of ${OPERATION_CHOICES.join(', ')}`);
    return op as AclOperationName;
  });
}

/** The flags as bindings to create: every flag that says what, for whom and on what is required. */
export function bindingsOf(argv: AclArgs): AclCreation[] {
  const resource = resourceOf(argv);
  if (resource === null) throw usageError('name the resource: --topic, --group, --transactional-id or --cluster');
  if (argv.principal === undefined) throw usageError('--principal is required (User:name)');
  const operations = operationsOf(argv);
  if (operations.length === 0) throw usageError('--operation is required (e.g. --operation WRITE)');
  return operations.map((operation) => ({
    resourceType: resource.type,
    resourceName: resource.name,
    patternType: argv.prefixed ? 'PREFIXED' : 'LITERAL',
    principal: argv.principal!,
    host: argv.host ?? '*',
    operation,
    permission: argv.deny ? 'DENY' : 'ALLOW',
  }));
}

/** The flags as filters: one per operation given (or one for any operation). */
export function filtersOf(argv: AclArgs): AclFilter[] {
  const resource = resourceOf(argv);
  const operations = operationsOf(argv);
  const base: AclFilter = {
    ...MATCH_ALL_FILTER,
    ...(resource === null ? {} : { resourceType: resource.type, resourceName: resource.name, patternType: argv.prefixed ? 'PREFIXED' : 'LITERAL' }),
    principal: argv.principal ?? null,
    host: argv.host ?? null,
    permission: argv.deny ? 'DENY' : 'ANY',
  };
  return operations.length === 0 ? [base] : operations.map((operation) => ({ ...base, operation }));
}

function rows(bindings: readonly AclBinding[]): (string | number)[][] {
  return bindings.map((b) => [b.resourceType, b.patternType === 'PREFIXED' ? `${b.resourceName}*` : b.resourceName, b.principal, b.host, b.operation, b.permission]);
}

const HEADERS = ['RESOURCE', 'NAME', 'PRINCIPAL', 'HOST', 'OPERATION', 'PERMISSION'];

export function aclsCommand(io: CliIo): CommandModule {
  return {
    command: 'acls <command>',
    describe: 'add, list and remove ACLs (enforced by brokers started with --authorizer standard)',
    builder: (y) =>
      y
        .command({
          command: 'add',
          describe: 'add ACL bindings',
          builder: (c) => aclOptions(c).example('$0 acls add --principal User:alice --operation WRITE --operation DESCRIBE --topic orders', ''),
          handler: (argv) => {
            const creations = bindingsOf(argv);
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { results } = await admin.createAcls({ creations });
                const outcomes = results.map((r, i) => ({ label: `${creations[i]!.operation} ${creations[i]!.resourceType}:${creations[i]!.resourceName}`, error: r.error }));
                printer.result(
                  creations.map((c, i) => ({ ...c, error: results[i]?.error?.code ?? null })),
                  () => (outcomes.every((o) => o.error === null) ? `Added ${creations.length} ACL${creations.length === 1 ? '' : 's'}.\n` : ''),
                );
                failIfAny('acls add', outcomes);
              },
              io,
            );
          },
        })
        .command({
          command: 'list',
          describe: 'list ACL bindings (a filter from the same flags as add)',
          builder: (c) => aclOptions(c),
          handler: (argv) => {
            const filters = filtersOf(argv);
            return withAdmin(
              argv,
              async (admin, printer) => {
                const seen = new Set<string>();
                const bindings: AclBinding[] = [];
                for (const filter of filters) {
                  for (const b of (await admin.describeAcls(filter)).acls) {
                    const key = JSON.stringify(b);
                    if (!seen.has(key)) bindings.push(b);
                    seen.add(key);
                  }
                }
                printer.result(bindings, () => renderTable(HEADERS, rows(bindings)));
              },
              io,
            );
          },
        })
        .command({
          command: 'remove',
          describe: 'remove the ACL bindings a filter matches (same flags as add; name a resource or a principal)',
          builder: (c) => aclOptions(c),
          handler: (argv) => {
            const filters = filtersOf(argv);
            if (resourceOf(argv) === null && argv.principal === undefined) throw usageError('name a resource or --principal: remove does not delete every ACL at once');
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { results } = await admin.deleteAcls({ filters });
                const removed = results.flatMap((r) => r.deleted);
                printer.result(removed, () => `Removed ${removed.length} ACL${removed.length === 1 ? '' : 's'}.\n${removed.length === 0 ? '' : renderTable(HEADERS, rows(removed))}`);
                failIfAny('acls remove', results.map((r, i) => ({ label: `filter ${i + 1}`, error: r.error })));
              },
              io,
            );
          },
        })
        .demandCommand(1, 'say which: add, list or remove'),
    handler: () => undefined,
  };
}
