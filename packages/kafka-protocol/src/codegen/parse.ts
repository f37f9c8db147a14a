/**
 * Parser for our schema form (.kzp files). One file per API:
 *
 *   api 0 Produce versions 0-11 flexible 9+
 *   request
 *     TransactionalId  string 3+ null =null
 *     TopicData        []TopicProduceData
 *       Name           string
 *   response
 *     ...
 *
 * one for the headers (`header RequestHeader versions 0-2 flexible 2+`), and
 * files of records Kafka keeps in its own logs (`record GroupMetadataValue
 * versions 0-4 flexible 4+`: `__consumer_offsets`' keys and values).
 * A field line is `Name Type attrs...`; children are indented under a struct
 * or array-of-struct field. Attributes:
 *   3+ | 3-8 | 3     versions (default: every version of the enclosing struct)
 *   null | null:N+   nullable (in all the field's versions, or in the given ones)
 *   tag:N            tagged field N (flexible versions only)
 *   =V               default (-1, null, true, 0x7fffffff, "")
 *   classic          never compact (RequestHeader.ClientId)
 * A struct type named again without children reuses the struct of that name
 * defined earlier in the same message (Kafka's common structs).
 * '#' starts a comment.
 */
import type { ApiDef, FieldDef, FieldType, MessageDef, Primitive, RecordFile, Schema, StructDef, VersionRange } from './schema.js';
import { PRIMITIVES, intersect } from './schema.js';

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
  }
}

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly words: string[];
}

const ALL: VersionRange = { min: 0, max: Infinity };

export function parseRange(text: string): VersionRange | null {
  let m = /^(\d+)\+$/.exec(text);
  if (m) return { min: Number(m[1]), max: Infinity };
  m = /^(\d+)-(\d+)$/.exec(text);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(\d+)$/.exec(text);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  return null;
}

function lex(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') return;
    const indent = line.length - line.trimStart().length;
    out.push({ no: i + 1, indent, words: line.trim().split(/\s+/) });
  });
  return out;
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

class MessageBuilder {
  readonly structs: StructDef[] = [];
  private readonly byName = new Map<string, StructDef>();

  constructor(
    private readonly file: string,
    readonly messageName: string,
  ) {}

  newStruct(kafkaName: string, lineNo: number): StructDef {
    if (this.byName.has(kafkaName)) throw new SchemaError(this.file, lineNo, `struct ${kafkaName} is defined twice`);
    const name = kafkaName.startsWith(this.messageName) ? kafkaName : this.messageName + kafkaName;
    const s: StructDef = { kafkaName, name, fields: [], present: { min: Infinity, max: -Infinity } };
    this.byName.set(kafkaName, s);
    this.structs.push(s);
    return s;
  }

  existing(kafkaName: string): StructDef | undefined {
    return this.byName.get(kafkaName);
  }
}

/** Parses the field lines under `parentIndent` starting at `start`; returns the index after them. */
function parseFields(
  file: string,
  lines: Line[],
  start: number,
  parentIndent: number,
  into: StructDef,
  mb: MessageBuilder,
): number {
  let i = start;
  let indent: number | null = null;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent <= parentIndent) break;
    if (indent === null) indent = line.indent;
    if (line.indent !== indent) throw new SchemaError(file, line.no, 'unexpected indentation');
    const [name, typeText, ...attrs] = line.words;
    if (name === undefined || typeText === undefined || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
      throw new SchemaError(file, line.no, 'expected `Name Type attrs...`');
    }
    if (into.fields.some((f) => f.name === name)) throw new SchemaError(file, line.no, `field ${name} is defined twice`);
    let versions: VersionRange = ALL;
    let nullable: VersionRange | null = null;
    let nullableAll = false;
    let tag: number | null = null;
    let defaultValue: string | null = null;
    let classic = false;
    for (const a of attrs) {
      const r = parseRange(a);
      if (r) versions = r;
      else if (a === 'null') nullableAll = true;
      else if (a.startsWith('null:')) {
        nullable = parseRange(a.slice(5));
        if (!nullable) throw new SchemaError(file, line.no, `bad range in ${a}`);
      } else if (/^tag:\d+$/.test(a)) tag = Number(a.slice(4));
      else if (a.startsWith('=')) defaultValue = a.slice(1);
      else if (a === 'classic') classic = true;
      else throw new SchemaError(file, line.no, `unknown attribute ${a}`);
    }
    if (nullableAll) nullable = versions;
    const hasChildren = i + 1 < lines.length && (lines[i + 1] as Line).indent > line.indent;
    const { type, next } = parseType(file, lines, i, typeText, hasChildren, line, mb);
    into.fields.push({ name, prop: camel(name), type, versions, nullable, tag, defaultValue, classic });
    i = next;
  }
  return i;
}

function parseType(
  file: string,
  lines: Line[],
  i: number,
  text: string,
  hasChildren: boolean,
  line: Line,
  mb: MessageBuilder,
): { type: FieldType; next: number } {
  if (text.startsWith('[]')) {
    const inner = parseType(file, lines, i, text.slice(2), hasChildren, line, mb);
    return { type: { kind: 'array', element: inner.type }, next: inner.next };
  }
  if ((PRIMITIVES as readonly string[]).includes(text)) {
    if (hasChildren) throw new SchemaError(file, line.no, `${text} cannot have fields`);
    return { type: { kind: 'primitive', name: text as Primitive }, next: i + 1 };
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(text)) throw new SchemaError(file, line.no, `unknown type ${text}`);
  if (!hasChildren) {
    const s = mb.existing(text);
    if (!s) throw new SchemaError(file, line.no, `struct ${text} has no fields and is not defined earlier`);
    return { type: { kind: 'struct', struct: s }, next: i + 1 };
  }
  const s = mb.newStruct(text, line.no);
  const next = parseFields(file, lines, i + 1, line.indent, s, mb);
  return { type: { kind: 'struct', struct: s }, next };
}

/** Marks, for every struct, the message versions in which it can appear. */
function markPresence(s: StructDef, range: VersionRange): void {
  const wider = { min: Math.min(s.present.min, range.min), max: Math.max(s.present.max, range.max) };
  if (wider.min === s.present.min && wider.max === s.present.max) return;
  s.present = wider;
  for (const f of s.fields) {
    const r = intersect(f.versions, range);
    if (!r) continue;
    let t = f.type;
    while (t.kind === 'array') t = t.element;
    if (t.kind === 'struct') markPresence(t.struct, r);
  }
}

function parseMessage(
  file: string,
  lines: Line[],
  start: number,
  kind: MessageDef['kind'],
  name: string,
  apiKey: number | null,
  versions: VersionRange,
  flexible: VersionRange | null,
): { msg: MessageDef; next: number } {
  const mb = new MessageBuilder(file, name);
  const root = mb.newStruct(name, (lines[start - 1] as Line).no);
  const next = parseFields(file, lines, start, (lines[start - 1] as Line).indent, root, mb);
  markPresence(root, versions);
  for (const s of mb.structs) validateStruct(file, s, flexible);
  return { msg: { kind, name, apiKey, versions, flexible, root, structs: mb.structs }, next };
}

function validateStruct(file: string, s: StructDef, flexible: VersionRange | null): void {
  const tags = new Set<number>();
  for (const f of s.fields) {
    const where = `${s.name}.${f.name}`;
    if (f.tag !== null) {
      if (tags.has(f.tag)) throw new SchemaError(file, 0, `${where}: tag ${f.tag} used twice`);
      tags.add(f.tag);
      if (!flexible || f.versions.min < flexible.min) throw new SchemaError(file, 0, `${where}: tagged outside flexible versions`);
    }
    if (f.type.kind === 'struct' && f.nullable) throw new SchemaError(file, 0, `${where}: nullable structs are not supported`);
    if (f.defaultValue === 'null' && !f.nullable) throw new SchemaError(file, 0, `${where}: default null on a non-nullable field`);
  }
}

function header(file: string, line: Line, expect: string): string[] {
  if (line.words[0] !== expect) throw new SchemaError(file, line.no, `expected \`${expect}\``);
  return line.words;
}

function rangeOf(file: string, line: Line, words: string[], keyword: string): VersionRange | null {
  const i = words.indexOf(keyword);
  if (i < 0) return null;
  const r = parseRange(words[i + 1] ?? '');
  if (!r) throw new SchemaError(file, line.no, `bad ${keyword} range`);
  return r;
}

/** Parses one API file. */
export function parseApiFile(file: string, text: string): ApiDef {
  const lines = lex(text);
  const first = lines[0];
  if (!first) throw new SchemaError(file, 1, 'empty schema file');
  const words = header(file, first, 'api');
  const key = Number(words[1]);
  const name = words[2] ?? '';
  if (!Number.isInteger(key) || !/^[A-Z][A-Za-z]*$/.test(name)) throw new SchemaError(file, first.no, 'expected `api KEY Name ...`');
  const versions = rangeOf(file, first, words, 'versions');
  if (!versions || versions.max === Infinity) throw new SchemaError(file, first.no, 'an API needs a closed `versions` range');
  const flexible = rangeOf(file, first, words, 'flexible');
  const reqLine = lines[1];
  if (!reqLine) throw new SchemaError(file, first.no, 'missing request');
  header(file, reqLine, 'request');
  const req = parseMessage(file, lines, 2, 'request', `${name}Request`, key, versions, flexible);
  const resLine = lines[req.next];
  if (!resLine) throw new SchemaError(file, lines.length, 'missing response');
  header(file, resLine, 'response');
  const res = parseMessage(file, lines, req.next + 1, 'response', `${name}Response`, key, versions, flexible);
  if (res.next !== lines.length) throw new SchemaError(file, (lines[res.next] as Line).no, 'unexpected line');
  return { key, name, file, request: req.msg, response: res.msg };
}

/**
 * Parses a file of standalone messages: one or more `KEYWORD Name versions A-B flexible N+` blocks
 * (`header` in the headers file, `record` in a records file).
 */
export function parseStandaloneFile(file: string, text: string, keyword: 'header' | 'record'): MessageDef[] {
  const lines = lex(text);
  const out: MessageDef[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const words = header(file, line, keyword);
    const name = words[1] ?? '';
    const versions = rangeOf(file, line, words, 'versions');
    if (!versions) throw new SchemaError(file, line.no, `a ${keyword} needs \`versions\``);
    const { msg, next } = parseMessage(file, lines, i + 1, keyword, name, null, versions, rangeOf(file, line, words, 'flexible'));
    out.push(msg);
    i = next;
  }
  return out;
}

/** Parses the whole schema from file name to text; API files are ordered by key. */
export function parseSchema(files: ReadonlyMap<string, string>): Schema {
  const apis: ApiDef[] = [];
  let headers: MessageDef[] = [];
  const recordFiles: RecordFile[] = [];
  for (const [file, text] of files) {
    if (file === 'headers.kzp') headers = parseStandaloneFile(file, text, 'header');
    else if (lex(text)[0]?.words[0] === 'record') recordFiles.push({ file, records: parseStandaloneFile(file, text, 'record') });
    else apis.push(parseApiFile(file, text));
  }
  apis.sort((a, b) => a.key - b.key);
  for (let i = 1; i < apis.length; i++) {
    if ((apis[i] as ApiDef).key === (apis[i - 1] as ApiDef).key) throw new SchemaError((apis[i] as ApiDef).file, 1, 'duplicate API key');
  }
  return { apis, headers, recordFiles };
}
