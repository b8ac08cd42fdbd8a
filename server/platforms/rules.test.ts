// The rules data must satisfy its own schema, and the schema must refuse data that would make
// validate() misleading (undated sources, inverted ranges, a default format that does not exist).
import { describe, expect, it } from 'vitest';
import { platformIds, platformRules, platformRulesSchema, platformRulesTableSchema } from './rules';

describe('platform rules data', () => {
  it('validates against its schema', () => {
    expect(platformRulesTableSchema.parse(platformRules)).toEqual(platformRules);
  });

  it('covers every platform id, each with a default format among its formats', () => {
    for (const id of platformIds) {
      const rules = platformRules[id];
      expect(rules.formats[rules.defaultFormat], id).toBeDefined();
    }
  });

  it('dates every source note', () => {
    const sources: unknown[] = [];
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'source') sources.push(inner);
        else collect(inner);
      }
    };
    collect(platformRules);
    expect(sources.length).toBeGreaterThan(30);
    for (const source of sources) expect(source).toMatch(/\(checked 2026-11\)$/);
  });

  it('holds the documented headline numbers', () => {
    expect(platformRules.x.caption).toMatchObject({ max: 280, counting: 'x-weighted' });
    expect(platformRules.instagram.hashtags?.max).toBe(30);
    expect(platformRules.instagram.postingLimits[0]).toMatchObject({ posts: 50, windowHours: 24, per: 'account' });
    expect(platformRules.youtube.formats.short?.durationSec.max).toBe(180);
    expect(platformRules.youtube.title).toMatchObject({ max: 100, required: true });
    expect(platformRules.youtube.caption).toMatchObject({ max: 5000, counting: 'utf8-bytes', field: 'description' });
    expect(platformRules.tiktok.privacy.options).toContain('SELF_ONLY');
  });
});

describe('platform rules schema', () => {
  const base = platformRules.tiktok;

  it('refuses a source without its check date', () => {
    const bad = { ...base, caption: { ...base.caption, source: 'TikTok docs' } };
    expect(platformRulesSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a range whose min exceeds its max', () => {
    const video = base.formats.video;
    const bad = { ...base, formats: { video: { ...video, fps: { min: 60, max: 23, source: 'x (checked 2026-11)' } } } };
    expect(platformRulesSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a default format that is not among the formats', () => {
    expect(platformRulesSchema.safeParse({ ...base, defaultFormat: 'story' }).success).toBe(false);
  });

  it('refuses unknown keys, so a typo cannot silently disable a rule', () => {
    expect(platformRulesSchema.safeParse({ ...base, hashtag: { max: 3, source: 'x (checked 2026-11)' } }).success).toBe(false);
  });
});
