// Style presets: the bundled presets validate and differ, bad preset data is
// rejected naming the preset and field, unknown names list the real ones,
// and every preset yields valid props for every template.
import { describe, expect, it } from 'vitest';
import { findPreset, parsePresets, PRESETS, UnknownPresetError } from '.';
import { TEMPLATES } from '../registry';
import type { Template } from '../template';

describe('bundled presets', () => {
  it('has at least six distinct looks', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    const looks = new Set(PRESETS.map((p) => JSON.stringify([p.scene, p.grade, p.textAnimation, p.transition.type])));
    expect(looks.size).toBe(PRESETS.length);
  });

  it('includes the looks creators ask for', () => {
    for (const id of ['golden-hour', 'night-prayer', 'desert-dawn', 'minimal-white', 'teal-and-orange', 'archival-film']) {
      expect(findPreset(id).id).toBe(id);
    }
  });

  it.each((TEMPLATES as readonly Template[]).flatMap((t) => PRESETS.map((p) => [t.id, p.id, t, p] as const)))(
    '%s with %s gives valid props',
    (_t, _p, template, preset) => {
      const props = { ...template.defaultProps, ...template.presetProps(preset) };
      expect(template.schema.safeParse(props).success).toBe(true);
    },
  );
});

describe('preset errors', () => {
  it('names the preset index and field of invalid data', () => {
    const bad = [{ ...PRESETS[0], grain: 3 }, { ...PRESETS[1], transition: { ...PRESETS[1]!.transition, type: 'spin' } }];
    expect(() => parsePresets(bad)).toThrow(/presets\[0\.grain\]: .*1/);
    expect(() => parsePresets(bad)).toThrow(/presets\[1\.transition\.type\]/);
  });

  it('rejects a duplicated id', () => {
    expect(() => parsePresets([PRESETS[0], PRESETS[0]])).toThrow(`the id "${PRESETS[0]!.id}" is used twice`);
  });

  it('lists the available presets for an unknown name', () => {
    expect(() => findPreset('vaporwave')).toThrow(UnknownPresetError);
    expect(() => findPreset('vaporwave')).toThrow(/--preset: unknown preset "vaporwave"; available: night-prayer, golden-hour/);
  });
});
