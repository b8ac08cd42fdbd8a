// Builds a template's props for a render: defaults, then a style preset,
// then props learnt from a style profile (--style), then a props file (or a project's stored props), then `--set key=value`
// overrides (dotted keys reach nested props), validated by the template's zod schema. Every problem is reported with the prop's path.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { Template } from '../../compositions/template';
import type { Preset } from '../../compositions/presets';

export class PropsError extends Error {
  override readonly name = 'PropsError';
  constructor(readonly issues: ReadonlyArray<{ path: string; message: string }>) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v;
  return out;
}

const WRAPPERS = new Set(['nullable', 'optional', 'default', 'readonly']);

/** The type inside nullable/optional/default wrappers. */
function unwrap(type: z.ZodType): z.ZodType {
  let current = type;
  while (WRAPPERS.has(current._zod.def.type)) current = (current._zod.def as unknown as { innerType: z.ZodType }).innerType;
  return current;
}

/** The zod type at a dotted path of an object schema, or undefined when there is no such prop. */
function typeAt(schema: z.ZodObject, path: readonly string[]): string | undefined {
  let current: z.ZodType = schema;
  for (const key of path) {
    const def = (current as z.ZodObject)._zod.def;
    if (def.type !== 'object') return undefined;
    const next = (current as z.ZodObject).shape[key];
    if (!next) return undefined;
    current = unwrap(next as z.ZodType);
  }
  return current._zod.def.type;
}

/** Parses one `key=value`: strings stay strings where the prop is a string, otherwise the value is read as JSON. */
export function parseSet(schema: z.ZodObject, assignment: string): Json {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new PropsError([{ path: '--set', message: `"${assignment}" is not key=value` }]);
  const key = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1);
  const path = key.split('.');
  const type = typeAt(schema, path);
  if (!type) {
    const known = Object.keys(schema.shape).join(', ');
    throw new PropsError([{ path: key, message: `unknown prop; this template has: ${known}` }]);
  }
  let value: unknown = raw;
  if (raw === 'null') value = null;
  else if (type !== 'string' && type !== 'enum') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new PropsError([{ path: key, message: `"${raw}" is not a valid ${type}` }]);
    }
  }
  return path.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value) as Json;
}

export async function readPropsFile(file: string): Promise<Json> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PropsError([{ path: '--props', message: code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file} (${code})` }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PropsError([{ path: '--props', message: `${file} is not valid JSON: ${(error as Error).message}` }]);
  }
  if (!isObject(parsed)) throw new PropsError([{ path: '--props', message: `${file} must hold a JSON object of props` }]);
  return parsed;
}

export function validateProps<S extends z.ZodObject>(template: Template<S>, input: Json): z.infer<S> {
  const unknown = Object.keys(input).filter((k) => !(k in template.schema.shape));
  if (unknown.length > 0) {
    throw new PropsError(
      unknown.map((k) => ({ path: k, message: `unknown prop; ${template.name} has: ${Object.keys(template.schema.shape).join(', ')}` })),
    );
  }
  const result = template.schema.safeParse(input);
  if (!result.success) {
    throw new PropsError(result.error.issues.map((i) => ({ path: i.path.join('.') || '(props)', message: i.message })));
  }
  return result.data;
}

export async function resolveProps<S extends z.ZodObject>(
  template: Template<S>,
  options: { preset?: Preset | undefined; style?: Json | undefined; propsFile?: string | undefined; props?: Json | undefined; sets?: readonly string[] | undefined },
): Promise<z.infer<S>> {
  let props = template.defaultProps as Json;
  if (options.preset) props = merge(props, template.presetProps(options.preset) as Json);
  if (options.style) props = merge(props, options.style);
  if (options.propsFile) props = merge(props, await readPropsFile(options.propsFile));
  if (options.props) props = merge(props, options.props);
  for (const assignment of options.sets ?? []) props = merge(props, parseSet(template.schema, assignment));
  return validateProps(template, props);
}
