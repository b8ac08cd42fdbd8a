// `noor templates [--json]`: lists templates, their aspect variants and props.
import { z } from 'zod';
import { TEMPLATES, compositionId } from '../../../compositions/registry';
import { ASPECTS } from '../../../compositions/layout/aspects';
import type { Template } from '../../../compositions/template';

export function describeTemplates() {
  return (TEMPLATES as readonly Template[]).map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    fps: t.fps,
    aspects: t.aspects.map((aspect) => ({
      aspect,
      label: ASPECTS[aspect].label,
      width: ASPECTS[aspect].width,
      height: ASPECTS[aspect].height,
      compositionId: compositionId(t, aspect),
    })),
    props: z.toJSONSchema(t.schema, { unrepresentable: 'any', io: 'input' }),
    defaultProps: t.defaultProps,
  }));
}

type PropSchema = { type?: string; enum?: unknown[]; description?: string; minimum?: number; maximum?: number };

/** @remotion/zod-types marks colour props with this description. */
const REMOTION_COLOR = '__remotion-color';

const describeProp = (schema: PropSchema): string => {
  if (schema.description === REMOTION_COLOR) return 'color';
  if (schema.enum) return schema.enum.map(String).join(' | ');
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum}..${schema.maximum}` : '';
  return `${schema.type ?? 'value'}${range}`;
};

export function templatesCommand(json: boolean, write: (line: string) => void): void {
  const templates = describeTemplates();
  if (json) {
    write(JSON.stringify(templates, null, 2));
    return;
  }
  for (const t of templates) {
    write(`${t.name} (${t.id}): ${t.description}`);
    write(`  aspects: ${t.aspects.map((a) => `${a.aspect} ${a.width}×${a.height}`).join(', ')}`);
    write('  props:');
    const properties = (t.props as { properties?: Record<string, PropSchema> }).properties ?? {};
    for (const [key, schema] of Object.entries(properties)) {
      const fallback = (t.defaultProps as Record<string, unknown>)[key];
      const shown = typeof fallback === 'object' ? JSON.stringify(fallback) : JSON.stringify(fallback);
      write(`    ${key.padEnd(20)} ${describeProp(schema).padEnd(34)} default ${shown}${schema.description && schema.description !== REMOTION_COLOR ? `  — ${schema.description}` : ''}`);
    }
  }
}
