/**
 * Turns the parsed schema into TypeScript: per struct an interface and
 * straight-line size/write/read functions (version checks are plain `if`s on
 * the version number, compact-vs-classic choices are folded at generation
 * time wherever the version range decides them), per message a MessageCodec,
 * and a registry of every API.
 *
 * The output is a pure function of the schema text, so a test can regenerate
 * it in memory and compare with the committed files.
 */
import type { ApiDef, FieldDef, FieldType, MessageDef, RecordFile, Schema, StructDef, VersionRange } from './schema.js';
import { covers, formatRange, intersect } from './schema.js';

/** A condition decided at generation time, or a JS expression over `v` (version) or `f` (flexible). */
type Cond = 'true' | 'false' | string;

const FIXED: Record<string, number> = {
  int8: 1,
  int16: 2,
  int32: 4,
  int64: 8,
  uint16: 2,
  uint32: 4,
  float64: 8,
  bool: 1,
  uuid: 16,
};

const HEADER = (source: string): string =>
  `// Generated from schema/${source} by src/codegen; do not edit. Regenerate with \`pnpm gen-protocol\`.\n`;

/** Condition "v is in `range`" for code that only runs for versions in `within`. */
function versionCond(range: VersionRange | null, within: VersionRange): Cond {
  if (range === null) return 'false';
  const r = intersect(range, within);
  if (r === null) return 'false';
  if (covers(range, within)) return 'true';
  const parts: string[] = [];
  if (range.min > within.min) parts.push(`v >= ${range.min}`);
  if (range.max < within.max) parts.push(`v <= ${range.max}`);
  return parts.join(' && ');
}

function and(a: Cond, b: Cond): Cond {
  if (a === 'false' || b === 'false') return 'false';
  if (a === 'true') return b;
  if (b === 'true') return a;
  return `${a} && ${b}`;
}

/** Pick between two code forms by a condition, folding decided ones. */
function pick(cond: Cond, yes: string, no: string): string {
  if (cond === 'true') return yes;
  if (cond === 'false') return no;
  return yes === no ? yes : `(${cond} ? ${yes} : ${no})`;
}

function elementOf(t: FieldType): FieldType {
  return t.kind === 'array' ? elementOf(t.element) : t;
}

function numberLiteral(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`bad numeric default ${text}`);
  return String(n);
}

class StructGen {
  /** Versions in which this struct can appear. */
  private readonly P: VersionRange;
  /** Whether the struct is flexible: 'true', 'false', or 'f' (decided at run time). */
  private readonly flex: Cond;

  constructor(
    private readonly msg: MessageDef,
    private readonly s: StructDef,
  ) {
    this.P = s.present;
    this.flex = versionCond(msg.flexible, this.P);
  }

  private where(f: FieldDef): string {
    return `${this.s.name}.${f.prop}`;
  }

  /** Versions in which the field is on the wire. */
  private fieldRange(f: FieldDef): VersionRange | null {
    return intersect(f.versions, this.P);
  }

  private presentCond(f: FieldDef): Cond {
    return versionCond(f.versions, this.P);
  }

  private compact(f: FieldDef): Cond {
    if (f.classic) return 'false';
    if (f.tag !== null) return 'true';
    const r = this.fieldRange(f);
    if (!r) return 'false';
    const c = versionCond(this.msg.flexible, r);
    return c === 'true' || c === 'false' ? c : 'f';
  }

  private nullableCond(f: FieldDef): Cond {
    const r = this.fieldRange(f);
    if (!r || !f.nullable) return 'false';
    return versionCond(f.nullable, r);
  }

  /** The field is always present in the decoded form but may be omitted when encoding. */
  private optional(f: FieldDef): boolean {
    return f.tag !== null || !covers(f.versions, this.P);
  }

  // ---- types ----------------------------------------------------------------

  private tsType(t: FieldType, complete: boolean): string {
    if (t.kind === 'array') {
      const e = this.tsType(t.element, complete);
      return complete ? `${e}[]` : `readonly ${e}[]`;
    }
    if (t.kind === 'struct') return complete ? `Complete<${t.struct.name}>` : t.struct.name;
    switch (t.name) {
      case 'bool':
        return 'boolean';
      case 'string':
      case 'uuid':
        return 'string';
      case 'bytes':
      case 'records':
        return 'Uint8Array';
      default:
        return 'number';
    }
  }

  private fieldType(f: FieldDef, complete: boolean): string {
    const t = this.tsType(f.type, complete);
    return f.nullable ? `${t} | null` : t;
  }

  private defaultExpr(f: FieldDef): string {
    const d = f.defaultValue;
    if (d === 'null') return 'null';
    const t = f.type;
    if (t.kind === 'array') return '[]';
    if (t.kind === 'struct') return `default${t.struct.name}()`;
    switch (t.name) {
      case 'bool':
        return d === 'true' ? 'true' : 'false';
      case 'string':
        return d === null ? "''" : JSON.stringify(JSON.parse(d) as string);
      case 'uuid':
        return 'ZERO_UUID';
      case 'bytes':
        return 'EMPTY_BYTES';
      case 'records':
        return f.nullable ? 'null' : 'EMPTY_BYTES';
      default:
        return d === null ? '0' : numberLiteral(d);
    }
  }

  /** Expression for the field's value on the encode side (`m` is the message object). */
  private value(f: FieldDef): string {
    if (!this.optional(f)) return `m.${f.prop}`;
    // Not `??`: null is a value of nullable fields, only undefined means "use the default".
    return f.nullable ? `(m.${f.prop} === undefined ? ${this.defaultExpr(f)} : m.${f.prop})` : `(m.${f.prop} ?? ${this.defaultExpr(f)})`;
  }

  /** Expression: the value differs from the field's default (tagged fields are written only then). */
  private notDefault(f: FieldDef, x: string): string {
    const t = f.type;
    const d = this.defaultExpr(f);
    if (t.kind === 'struct') return `!isDefault${t.struct.name}(${x})`;
    if (t.kind === 'array' || (t.kind === 'primitive' && (t.name === 'bytes' || t.name === 'records'))) {
      if (d === 'null') return `${x} !== null`;
      return f.nullable ? `(${x} === null || ${x}.length !== 0)` : `${x}.length !== 0`;
    }
    return `${x} !== ${d}`;
  }

  // ---- size -------------------------------------------------------------------

  /** Size expression of a primitive value. */
  private primitiveSize(name: string, x: string, compact: Cond, nullable: boolean): string {
    if (name in FIXED) return String(FIXED[name]);
    const kind = name === 'string' ? 'String' : 'Bytes';
    const classic = nullable ? `sizeOfNullable${kind}(${x})` : `sizeOf${kind}(${x})`;
    const compactForm = nullable ? `sizeOfCompactNullable${kind}(${x})` : `sizeOfCompact${kind}(${x})`;
    return pick(compact, compactForm, classic);
  }

  /** Statements adding the size of `x` (of type t) to `n`. */
  private sizeStmts(t: FieldType, x: string, compact: Cond, nullable: boolean, depth: number): string[] {
    if (t.kind === 'primitive') return [`n += ${this.primitiveSize(t.name, x, compact, nullable)};`];
    if (t.kind === 'struct') return [`n += size${t.struct.name}(${x}, v);`];
    const a = `a${depth}`;
    const i = `i${depth}`;
    const e = t.element;
    const lenSize = pick(compact, `sizeOfUvarint(${a}.length + 1)`, '4');
    const body: string[] = [];
    if (e.kind === 'primitive' && e.name in FIXED) {
      body.push(`n += ${lenSize} + ${a}.length * ${FIXED[e.name]};`);
    } else {
      body.push(`n += ${lenSize};`);
      body.push(`for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`);
      body.push(...this.sizeStmts(e, `${a}[${i}]!`, compact, false, depth + 1).map((l) => `  ${l}`));
      body.push('}');
    }
    if (!nullable) return [`{`, `  const ${a} = ${x};`, ...body.map((l) => `  ${l}`), `}`];
    return [
      `{`,
      `  const ${a} = ${x};`,
      `  if (${a} === null) n += ${pick(compact, '1', '4')};`,
      `  else {`,
      ...body.map((l) => `    ${l}`),
      `  }`,
      `}`,
    ];
  }

  private genSize(): string[] {
    const out: string[] = [];
    let fixed = 0;
    const body: string[] = [];
    for (const f of this.s.fields) {
      if (f.tag !== null) continue;
      const present = this.presentCond(f);
      if (present === 'false') continue;
      const t = f.type;
      const nullable = this.nullableCond(f) !== 'false';
      if (t.kind === 'primitive' && t.name in FIXED) {
        if (present === 'true') fixed += FIXED[t.name] as number;
        else body.push(`if (${present}) n += ${FIXED[t.name]};`);
        continue;
      }
      const stmts = this.sizeStmts(t, this.value(f), this.compact(f), nullable, 0);
      if (present === 'true') body.push(...stmts);
      else body.push(`if (${present}) {`, ...stmts.map((l) => `  ${l}`), `}`);
    }
    const tagged = this.s.fields.filter((f) => f.tag !== null && this.presentCond(f) !== 'false');
    const tagBody: string[] = [];
    if (this.flex !== 'false') {
      if (tagged.length === 0) {
        fixed += this.flex === 'true' ? 1 : 0;
        if (this.flex !== 'true') tagBody.push(`if (f) n += 1;`);
      } else {
        const inner: string[] = ['let c = 0;'];
        for (const f of sortByTag(tagged)) {
          const x = `t${f.tag}`;
          inner.push(`{`);
          inner.push(`  const ${x} = ${this.value(f)};`);
          inner.push(`  if (${and(this.presentCond(f), this.notDefault(f, x))}) {`);
          inner.push(`    c++;`);
          inner.push(`    const s = ${this.taggedValueSize(f, x)};`);
          inner.push(`    n += ${sizeOfUvarintLiteral(f.tag as number)} + sizeOfUvarint(s) + s;`);
          inner.push(`  }`);
          inner.push(`}`);
        }
        inner.push('n += sizeOfUvarint(c);');
        if (this.flex === 'true') tagBody.push(...inner);
        else tagBody.push('if (f) {', ...inner.map((l) => `  ${l}`), '}');
      }
    }
    out.push(`function size${this.s.name}(m: ${this.s.name}, v: number): number {`);
    if (this.usesF()) out.push(`  const f = v >= ${(this.msg.flexible as VersionRange).min};`);
    out.push(`  let n = ${fixed};`);
    out.push(...[...body, ...tagBody].map((l) => `  ${l}`));
    out.push('  return n;', '}');
    return out;
  }

  /** Size expression for a tagged field's value (always compact). */
  private taggedValueSize(f: FieldDef, x: string): string {
    const t = f.type;
    const nullable = this.nullableCond(f) !== 'false';
    if (t.kind === 'primitive') return this.primitiveSize(t.name, x, 'true', nullable);
    if (t.kind === 'struct') return `size${t.struct.name}(${x}, v)`;
    return `sizeTagged_${f.prop}_${this.s.name}(${x}, v)`;
  }

  // ---- write ------------------------------------------------------------------

  private primitiveWrite(name: string, x: string, compact: Cond, nullable: boolean): string {
    if (name in FIXED) return `w.${name}(${x});`;
    const kind = name === 'string' ? 'String' : 'Bytes';
    const classic = nullable ? `nullable${kind}` : kind.toLowerCase();
    const compactForm = nullable ? `compactNullable${kind}` : `compact${kind}`;
    if (compact === 'true') return `w.${compactForm}(${x});`;
    if (compact === 'false') return `w.${classic}(${x});`;
    return `if (${compact}) w.${compactForm}(${x}); else w.${classic}(${x});`;
  }

  private writeStmts(t: FieldType, x: string, compact: Cond, nullable: boolean, depth: number): string[] {
    if (t.kind === 'primitive') return [this.primitiveWrite(t.name, x, compact, nullable)];
    if (t.kind === 'struct') return [`write${t.struct.name}(w, ${x}, v);`];
    const a = `a${depth}`;
    const i = `i${depth}`;
    const body = [
      `w.arrayLength(${compact}, ${a}.length);`,
      `for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`,
      ...this.writeStmts(t.element, `${a}[${i}]!`, compact, false, depth + 1).map((l) => `  ${l}`),
      '}',
    ];
    if (!nullable) return ['{', `  const ${a} = ${x};`, ...body.map((l) => `  ${l}`), '}'];
    return [
      '{',
      `  const ${a} = ${x};`,
      `  if (${a} === null) w.nullArray(${compact});`,
      '  else {',
      ...body.map((l) => `    ${l}`),
      '  }',
      '}',
    ];
  }

  /** Guard against null in a version where the field is not nullable (a programmer error). */
  private nullGuard(f: FieldDef, x: string): string[] {
    const nc = this.nullableCond(f);
    if (nc === 'true' || nc === 'false') return [];
    return [`if (${x} === null && !(${nc})) throw notNullable('${this.where(f)}', v);`];
  }

  private genWrite(): string[] {
    const body: string[] = [];
    for (const f of this.s.fields) {
      if (f.tag !== null) continue;
      const present = this.presentCond(f);
      if (present === 'false') continue;
      const nullable = this.nullableCond(f) !== 'false';
      const guard = this.nullGuard(f, this.value(f));
      const stmts = [...guard, ...this.writeStmts(f.type, this.value(f), this.compact(f), nullable, 0)];
      if (present === 'true') body.push(...stmts);
      else if (stmts.length === 1 && !(stmts[0] as string).startsWith('if')) body.push(`if (${present}) ${stmts[0]}`);
      else body.push(`if (${present}) {`, ...stmts.map((l) => `  ${l}`), '}');
    }
    if (this.flex !== 'false') {
      const tagged = sortByTag(this.s.fields.filter((f) => f.tag !== null && this.presentCond(f) !== 'false'));
      const inner: string[] = [];
      if (tagged.length === 0) inner.push('w.uvarint(0);');
      else {
        inner.push('let c = 0;');
        for (const f of tagged) {
          inner.push(`const t${f.tag} = ${this.value(f)};`);
          inner.push(`const h${f.tag} = ${and(this.presentCond(f), this.notDefault(f, `t${f.tag}`))};`);
          inner.push(`if (h${f.tag}) c++;`);
        }
        inner.push('w.uvarint(c);');
        for (const f of tagged) {
          const x = `t${f.tag}`;
          const nullable = this.nullableCond(f) !== 'false';
          inner.push(`if (h${f.tag}) {`);
          inner.push(`  w.uvarint(${f.tag});`);
          inner.push(`  w.uvarint(${this.taggedValueSize(f, x)});`);
          inner.push(...this.writeStmts(f.type, x, 'true', nullable, 0).map((l) => `  ${l}`));
          inner.push('}');
        }
      }
      if (this.flex === 'true') body.push(...inner);
      else body.push('if (f) {', ...inner.map((l) => `  ${l}`), '}');
    }
    const out = [`function write${this.s.name}(w: Writer, m: ${this.s.name}, v: number): void {`];
    if (this.usesF()) out.push(`  const f = v >= ${(this.msg.flexible as VersionRange).min};`);
    out.push(...body.map((l) => `  ${l}`), '}');
    return out;
  }

  // ---- read -------------------------------------------------------------------

  private primitiveRead(name: string, compact: Cond, nullable: Cond, where: string): string {
    if (name in FIXED) return `r.${name}()`;
    const kind = name === 'string' ? 'String' : 'Bytes';
    const classicN = `r.nullable${kind}()`;
    const classic = `r.${kind.toLowerCase()}('${where}')`;
    const compactN = `r.compactNullable${kind}()`;
    const compactNN = `r.compact${kind}('${where}')`;
    return pick(compact, pick(nullable, compactN, compactNN), pick(nullable, classicN, classic));
  }

  /** Statements that assign the decoded value of type t to the existing variable `target`. */
  private readStmts(t: FieldType, target: string, compact: Cond, nullable: Cond, where: string, depth: number): string[] {
    if (t.kind === 'primitive') return [`${target} = ${this.primitiveRead(t.name, compact, nullable, where)};`];
    if (t.kind === 'struct') return [`${target} = read${t.struct.name}(r, v);`];
    const len = `len${depth}`;
    const a = `a${depth}`;
    const i = `i${depth}`;
    const e = t.element;
    const lenExpr = pick(nullable, `r.arrayLength(${compact}, '${where}')`, `r.requiredArrayLength(${compact}, '${where}')`);
    const elem: string[] = [];
    if (e.kind === 'array') {
      elem.push(`let e${depth}: ${this.tsType(e, true)};`);
      elem.push(...this.readStmts(e, `e${depth}`, compact, 'false', where, depth + 1));
      elem.push(`${a}.push(e${depth});`);
    } else if (e.kind === 'struct') {
      elem.push(`${a}.push(read${e.struct.name}(r, v));`);
    } else {
      elem.push(`${a}.push(${this.primitiveRead(e.name, compact, 'false', where)});`);
    }
    const fill = [
      `const ${a}: ${this.tsType(t, true)} = [];`,
      `for (let ${i} = 0; ${i} < ${len}; ${i}++) {`,
      ...elem.map((l) => `  ${l}`),
      '}',
      `${target} = ${a};`,
    ];
    if (nullable === 'false') return ['{', `  const ${len} = ${lenExpr};`, ...fill.map((l) => `  ${l}`), '}'];
    return [
      '{',
      `  const ${len} = ${lenExpr};`,
      `  if (${len} < 0) ${target} = null;`,
      '  else {',
      ...fill.map((l) => `    ${l}`),
      '  }',
      '}',
    ];
  }

  private genRead(): string[] {
    const body: string[] = [];
    const local = (f: FieldDef): string => `${f.prop}_`;
    for (const f of this.s.fields) {
      const x = local(f);
      const type = this.fieldType(f, true);
      if (f.tag !== null) {
        body.push(`let ${x}: ${type} = ${this.defaultExpr(f)};`);
        continue;
      }
      const present = this.presentCond(f);
      if (present === 'false') {
        body.push(`const ${x}: ${type} = ${this.defaultExpr(f)};`);
        continue;
      }
      const compact = this.compact(f);
      const nullable = this.nullableCond(f);
      const t = f.type;
      if (t.kind !== 'array') {
        const expr =
          t.kind === 'struct' ? `read${t.struct.name}(r, v)` : this.primitiveRead(t.name, compact, nullable, this.where(f));
        body.push(`const ${x}${t.kind === 'struct' ? '' : `: ${type}`} = ${pick(present, expr, this.defaultExpr(f))};`);
        continue;
      }
      const stmts = this.readStmts(t, x, compact, nullable, this.where(f), 0);
      if (present === 'true') body.push(`let ${x}: ${type};`, ...stmts);
      else body.push(`let ${x}: ${type} = ${this.defaultExpr(f)};`, `if (${present}) {`, ...stmts.map((l) => `  ${l}`), '}');
    }
    if (this.flex !== 'false') {
      const tagged = sortByTag(this.s.fields.filter((f) => f.tag !== null && this.presentCond(f) !== 'false'));
      const inner: string[] = [];
      if (tagged.length === 0) inner.push('r.skipTaggedFields();');
      else {
        inner.push('for (let k = r.uvarint(); k > 0; k--) {');
        inner.push('  const tag = r.uvarint();');
        inner.push('  const size = r.taggedSize();');
        inner.push('  const start = r.pos;');
        inner.push('  switch (tag) {');
        for (const f of tagged) {
          const present = this.presentCond(f);
          const stmts = [
            ...this.readStmts(f.type, local(f), 'true', this.nullableCond(f), this.where(f), 0),
            `r.endTaggedField(${f.tag}, start, size);`,
          ];
          inner.push(`    case ${f.tag}:`);
          if (present === 'true') inner.push(...stmts.map((l) => `      ${l}`));
          else inner.push(`      if (${present}) {`, ...stmts.map((l) => `        ${l}`), '      } else r.skip(size);');
          inner.push('      break;');
        }
        inner.push('    default:', '      r.skip(size);', '  }', '}');
      }
      if (this.flex === 'true') body.push(...inner);
      else body.push('if (f) {', ...inner.map((l) => `  ${l}`), '}');
    }
    const props = this.s.fields.map((f) => `${f.prop}: ${local(f)}`);
    const out = [`function read${this.s.name}(r: Reader, v: number): Complete<${this.s.name}> {`];
    if (this.usesF()) out.push(`  const f = v >= ${(this.msg.flexible as VersionRange).min};`);
    out.push(...body.map((l) => `  ${l}`));
    out.push(props.length === 0 ? '  return {};' : `  return { ${props.join(', ')} };`, '}');
    return out;
  }

  // ---- defaults ---------------------------------------------------------------

  genDefault(): string[] {
    const props = this.s.fields.map((f) => `${f.prop}: ${this.defaultExpr(f)}`);
    return [
      `function default${this.s.name}(): Complete<${this.s.name}> {`,
      `  return { ${props.join(', ')} };`,
      '}',
    ];
  }

  genIsDefault(): string[] {
    const checks = this.s.fields.map((f) => {
      const x = `m.${f.prop}`;
      const ne = this.notDefault(f, x);
      return `(${x} === undefined || !(${ne}))`;
    });
    return [
      `function isDefault${this.s.name}(m: ${this.s.name}): boolean {`,
      `  return ${checks.length === 0 ? 'true' : checks.join(' &&\n    ')};`,
      '}',
    ];
  }

  /** Helpers for tagged array fields: their value size must be known before they are written. */
  genTaggedArraySizes(): string[] {
    const out: string[] = [];
    for (const f of this.s.fields) {
      if (f.tag === null || f.type.kind !== 'array') continue;
      const nullable = this.nullableCond(f) !== 'false';
      out.push(`function sizeTagged_${f.prop}_${this.s.name}(x: ${this.fieldType(f, false)}, v: number): number {`);
      out.push('  let n = 0;');
      out.push(...this.sizeStmts(f.type, 'x', 'true', nullable, 0).map((l) => `  ${l}`));
      out.push('  return n;', '}', '');
    }
    return out;
  }

  // ---- interface --------------------------------------------------------------

  genInterface(): string[] {
    const out = [`/** ${this.msg.name}${this.s === this.msg.root ? '' : ` ${this.s.kafkaName}`} (versions ${formatRange(this.P)}). */`];
    out.push(`export interface ${this.s.name} {`);
    for (const f of this.s.fields) {
      const notes = [`v${formatRange(intersect(f.versions, this.P) ?? f.versions)}`];
      if (f.nullable) notes.push(`nullable v${formatRange(f.nullable)}`);
      if (f.tag !== null) notes.push(`tag ${f.tag}`);
      if (f.defaultValue !== null) notes.push(`default ${f.defaultValue}`);
      out.push(`  /** ${f.name}: ${notes.join(', ')} */`);
      out.push(`  ${f.prop}${this.optional(f) ? '?' : ''}: ${this.fieldType(f, false)};`);
    }
    out.push('}');
    return out;
  }

  genFunctions(needDefault: boolean, needIsDefault: boolean): string[] {
    return [
      ...(needDefault ? [...this.genDefault(), ''] : []),
      ...(needIsDefault ? [...this.genIsDefault(), ''] : []),
      ...this.genTaggedArraySizes(),
      ...this.genSize(),
      '',
      ...this.genWrite(),
      '',
      ...this.genRead(),
    ];
  }

  private usesF(): boolean {
    if (this.flex !== 'true' && this.flex !== 'false') return true;
    return this.s.fields.some((f) => f.tag === null && this.presentCond(f) !== 'false' && this.compact(f) === 'f');
  }
}

function sortByTag(fields: FieldDef[]): FieldDef[] {
  return [...fields].sort((a, b) => (a.tag as number) - (b.tag as number));
}

function sizeOfUvarintLiteral(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : 3;
}

/** Struct names used as the type of a (non-array) struct field, and those used as tagged struct fields. */
function structUses(msg: MessageDef): { defaults: Set<string>; isDefaults: Set<string> } {
  const defaults = new Set<string>();
  const isDefaults = new Set<string>();
  const visit = (s: StructDef): void => {
    for (const f of s.fields) {
      if (f.type.kind === 'struct') {
        defaults.add(f.type.struct.name);
        if (f.tag !== null) isDefaults.add(f.type.struct.name);
      }
    }
  };
  msg.structs.forEach(visit);
  // isDefault of a struct checks its nested struct fields with their own isDefault.
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of msg.structs) {
      if (!isDefaults.has(s.name)) continue;
      for (const f of s.fields) {
        if (f.type.kind === 'struct' && !isDefaults.has(f.type.struct.name)) {
          isDefaults.add(f.type.struct.name);
          grew = true;
        }
      }
    }
  }
  // default() of a struct builds its nested struct fields with their own default().
  grew = true;
  while (grew) {
    grew = false;
    for (const s of msg.structs) {
      if (!defaults.has(s.name)) continue;
      for (const f of s.fields) {
        if (f.type.kind === 'struct' && !defaults.has(f.type.struct.name)) {
          defaults.add(f.type.struct.name);
          grew = true;
        }
      }
    }
  }
  return { defaults, isDefaults };
}

function genMessage(msg: MessageDef): { types: string[]; code: string[] } {
  const types: string[] = [];
  const code: string[] = [];
  const uses = structUses(msg);
  for (const s of msg.structs) {
    const g = new StructGen(msg, s);
    types.push(...g.genInterface(), '');
    code.push(...g.genFunctions(uses.defaults.has(s.name), uses.isDefaults.has(s.name)), '');
  }
  const flexMin = msg.flexible ? String(msg.flexible.min) : 'null';
  code.push(
    `export const ${msg.name}: MessageCodec<${msg.name}> = {`,
    `  name: '${msg.name}',`,
    `  minVersion: ${msg.versions.min},`,
    `  maxVersion: ${msg.versions.max},`,
    `  flexibleMin: ${flexMin},`,
    `  size: size${msg.name},`,
    `  write: write${msg.name},`,
    `  read: read${msg.name},`,
    '};',
    '',
  );
  return { types, code };
}

const IMPORTS = [
  "import type { Complete, MessageCodec } from '../codec.js';",
  "import type { Reader } from '../reader.js';",
  "import type { Writer } from '../writer.js';",
];

function fileFor(source: string, messages: MessageDef[]): string {
  const parts = messages.map(genMessage);
  const body = [...parts.flatMap((p) => p.types), ...parts.flatMap((p) => p.code)];
  const text = body.join('\n');
  const runtime = [
    'sizeOfUvarint',
    'sizeOfString',
    'sizeOfNullableString',
    'sizeOfCompactString',
    'sizeOfCompactNullableString',
    'sizeOfBytes',
    'sizeOfNullableBytes',
    'sizeOfCompactBytes',
    'sizeOfCompactNullableBytes',
  ].filter((name) => new RegExp(`\\b${name}\\(`).test(text));
  const imports = [...IMPORTS];
  if (runtime.length) imports.push(`import { ${runtime.join(', ')} } from '../writer.js';`);
  if (/\bZERO_UUID\b/.test(text)) imports.push("import { ZERO_UUID } from '../uuid.js';");
  const shared = ['EMPTY_BYTES', 'notNullable'].filter((n) => new RegExp(`\\b${n}\\b`).test(text));
  if (shared.length) imports.push(`import { ${shared.join(', ')} } from '../generated-support.js';`);
  return [HEADER(source), ...imports, '', ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** `consumer-offsets.kzp` → `consumer-offsets`. */
function recordFileStem(r: RecordFile): string {
  return r.file.replace(/\.kzp$/, '');
}

export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function registry(apis: ApiDef[]): string {
  const out = [HEADER('*.kzp'), "import type { ApiDescriptor } from '../codec.js';"];
  for (const a of apis) {
    out.push(`import { ${a.name}Request, ${a.name}Response } from './${kebab(a.name)}.js';`);
  }
  out.push('', '/** Kafka API keys by name. */', 'export const ApiKey = {');
  for (const a of apis) out.push(`  ${a.name}: ${a.key},`);
  out.push('} as const;', '', 'export type ApiKey = (typeof ApiKey)[keyof typeof ApiKey];', 'export type ApiName = keyof typeof ApiKey;', '');
  out.push('/** Request body type per API key. */', 'export interface ApiRequestTypes {');
  for (const a of apis) out.push(`  ${a.key}: ${a.name}Request;`);
  out.push('}', '', '/** Response body type per API key. */', 'export interface ApiResponseTypes {');
  for (const a of apis) out.push(`  ${a.key}: ${a.name}Response;`);
  out.push('}', '');
  out.push('/** Every API this package has codecs for, by key. */');
  out.push('export const APIS: { readonly [K in ApiKey]: ApiDescriptor<K, ApiRequestTypes[K], ApiResponseTypes[K]> } = {');
  for (const a of apis) {
    const flex = a.request.flexible ? String(a.request.flexible.min) : 'null';
    out.push(
      `  ${a.key}: { key: ${a.key}, name: '${a.name}', minVersion: ${a.request.versions.min}, maxVersion: ${a.request.versions.max}, flexibleMin: ${flex}, request: ${a.name}Request, response: ${a.name}Response },`,
    );
  }
  out.push('};', '', '/** Every API key, ascending. */', `export const API_KEYS: readonly ApiKey[] = [${apis.map((a) => a.key).join(', ')}];`, '');
  return out.join('\n');
}

function barrel(apis: ApiDef[], recordFiles: readonly RecordFile[]): string {
  const out = [HEADER('*.kzp')];
  out.push("export * from './headers.js';");
  for (const r of recordFiles) out.push(`export * from './${recordFileStem(r)}.js';`);
  for (const a of apis) out.push(`export * from './${kebab(a.name)}.js';`);
  out.push("export * from './apis.js';", '');
  return out.join('\n');
}

/** All generated files, by path relative to src/generated. */
export function generate(schema: Schema): Map<string, string> {
  const files = new Map<string, string>();
  files.set('headers.ts', fileFor('headers.kzp', schema.headers));
  for (const r of schema.recordFiles) files.set(`${recordFileStem(r)}.ts`, fileFor(r.file, r.records));
  for (const a of schema.apis) files.set(`${kebab(a.name)}.ts`, fileFor(a.file, [a.request, a.response]));
  files.set('apis.ts', registry(schema.apis));
  files.set('index.ts', barrel(schema.apis, schema.recordFiles));
  return files;
}
