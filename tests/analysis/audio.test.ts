// Accuracy of the audio analysis (server/analyze/audio.ts) against fixtures
// whose truth is known by construction (audio.fixtures.ts): tempo, beats,
// music/speech detection, EBU R128 loudness and a mood consistent with how
// each clip was built. Prints per-clip results and the scores.
import { beforeAll, describe, expect, it } from 'vitest';
import { TRACK_MOODS } from '../../compositions/audio/catalog';
import { analyzeAudio } from '../../server/analyze/audio';
import { AnalysisError } from '../../server/analyze/ffmpeg';
import { audioSchema, type AudioProfile } from '../../server/analyze/profile';
import { makeClickFixtures, makeGrooveFixtures, makeOtherFixtures, makeQuieterGroove, type AudioFixture } from './audio.fixtures';

interface Result {
  fixture: AudioFixture;
  profile: AudioProfile;
}

const results: Result[] = [];
let quieter: Result;

const TEMPO_TOLERANCE = 0.03;
const BEAT_TOLERANCE_SEC = 0.05;

const tempoOk = (r: Result): boolean => r.profile.bpm !== null && r.fixture.bpm !== null && Math.abs(r.profile.bpm / r.fixture.bpm - 1) <= TEMPO_TOLERANCE;

/** Share of true beats with a detected beat within the tolerance, and share of detected beats near a true one. */
function beatScores(truth: number[], found: number[]): { recall: number; precision: number } {
  const near = (t: number, list: number[]) => list.some((x) => Math.abs(x - t) <= BEAT_TOLERANCE_SEC);
  return {
    recall: truth.filter((t) => near(t, found)).length / Math.max(1, truth.length),
    precision: found.filter((t) => near(t, truth)).length / Math.max(1, found.length),
  };
}

/** Runs `work` over `items`, two at a time (ffmpeg decodes in parallel with the TypeScript maths). */
async function pool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

const byKind = (...kinds: AudioFixture['kind'][]) => results.filter((r) => kinds.includes(r.fixture.kind));

beforeAll(async () => {
  const [clicks, grooves, others, quiet] = await Promise.all([makeClickFixtures(), makeGrooveFixtures(), makeOtherFixtures(), makeQuieterGroove()]);
  const all = [...clicks, ...grooves, ...others, quiet];
  const analysed = await pool(all, async (fixture) => ({ fixture, profile: await analyzeAudio(fixture.file, { timeoutMs: 60_000 }) }));
  quieter = analysed.pop()!;
  results.push(...analysed);
  for (const { fixture: f, profile: p } of analysed) {
    console.log(
      `${f.name.padEnd(22)} bpm ${String(p.bpm).padStart(6)} (truth ${String(f.bpm).padStart(5)})  music ${p.hasMusic}  speech ${p.hasSpeech}  ` +
        `${p.loudnessLufs} LUFS  LRA ${p.loudnessRange}  mood ${p.mood} (arousal ${p.moodFeatures?.arousal}, majorness ${p.moodFeatures?.majorness})`,
    );
  }
}, 600_000);

describe('audio analysis', () => {
  it('returns profiles that match the StyleProfile audio schema, with curves covering the clip', () => {
    for (const { fixture, profile } of [...results, quieter]) {
      expect(() => audioSchema.parse(profile), fixture.name).not.toThrow();
      const steps = Math.ceil(fixture.durationSec / profile.curveStepSec!);
      for (const curve of [profile.energy!, profile.brightness!, profile.loudness!]) expect(Math.abs(curve.length - steps), fixture.name).toBeLessThanOrEqual(1);
      expect(profile.energy!.every((e) => e >= 0 && e <= 1)).toBe(true);
    }
  });

  it('finds the tempo of music within 3% on at least 90% of the grooves', () => {
    const music = byKind('music');
    expect(music.length).toBeGreaterThanOrEqual(12);
    const ok = music.filter(tempoOk);
    for (const r of music) console.log(`tempo ${tempoOk(r) ? 'ok  ' : 'MISS'} ${r.fixture.name.padEnd(22)} ${r.profile.bpm} vs ${r.fixture.bpm}`);
    console.log(`tempo score (music): ${ok.length}/${music.length} = ${((100 * ok.length) / music.length).toFixed(0)}%`);
    expect(ok.length / music.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the tempo of every click track (60–174 BPM, non-integer included) within 3%', () => {
    const clicks = byKind('click');
    for (const r of clicks) console.log(`tempo ${tempoOk(r) ? 'ok  ' : 'MISS'} ${r.fixture.name.padEnd(22)} ${r.profile.bpm} vs ${r.fixture.bpm}`);
    expect(clicks.filter(tempoOk).map((r) => r.fixture.name)).toEqual(clicks.map((r) => r.fixture.name));
  });

  it('puts beats within ±50 ms of the clicks', () => {
    for (const { fixture, profile } of byKind('click')) {
      const { recall, precision } = beatScores(fixture.beats, profile.beats!);
      console.log(`beats ${fixture.name.padEnd(22)} recall ${recall.toFixed(2)} precision ${precision.toFixed(2)} (${profile.beats!.length} found, ${fixture.beats.length} true)`);
      expect(recall, fixture.name).toBeGreaterThanOrEqual(0.9);
      expect(precision, fixture.name).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('puts beats on the quarter notes of grooves whose tempo was found', () => {
    const scores = byKind('music')
      .filter(tempoOk)
      .map(({ fixture, profile }) => beatScores(fixture.beats, profile.beats!));
    const recall = scores.reduce((s, b) => s + b.recall, 0) / scores.length;
    const precision = scores.reduce((s, b) => s + b.precision, 0) / scores.length;
    console.log(`groove beats: mean recall ${recall.toFixed(2)}, precision ${precision.toFixed(2)}`);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it('tells music from silence, noise and speech', () => {
    for (const { fixture, profile } of results) {
      if (fixture.hasMusic !== null) expect(profile.hasMusic, fixture.name).toBe(fixture.hasMusic);
      if (!profile.hasMusic) expect(profile.bpm, fixture.name).toBeNull();
    }
    const pad = byKind('pad')[0]!;
    expect(pad.profile.bpm, 'a pad without a pulse has no tempo').toBeNull();
  });

  it('flags speech-like audio and nothing else', () => {
    for (const { fixture, profile } of results) expect(profile.hasSpeech, fixture.name).toBe(fixture.hasSpeech);
  });

  it('measures EBU R128 loudness within 1 LU of the truth', () => {
    for (const { fixture, profile } of byKind('tone')) expect(Math.abs(profile.loudnessLufs! - fixture.loudnessLufs!), fixture.name).toBeLessThanOrEqual(1);
    const house = results.find((r) => r.fixture.name === 'house-124')!;
    const drop = house.profile.loudnessLufs! - quieter.profile.loudnessLufs!;
    console.log(`loudness: house ${house.profile.loudnessLufs} LUFS, 6 dB quieter ${quieter.profile.loudnessLufs} LUFS (drop ${drop.toFixed(1)} LU)`);
    expect(Math.abs(drop - 6)).toBeLessThanOrEqual(1);
    const silence = byKind('silence')[0]!;
    expect(silence.profile.loudnessLufs).toBeLessThanOrEqual(-60);
  });

  it('labels a mood applyStyle can use, consistent with how each clip was built', () => {
    const allowed = new Set<string>([...TRACK_MOODS, 'energetic', 'silent']);
    for (const { fixture, profile } of results) {
      expect(allowed.has(profile.mood), `${fixture.name}: ${profile.mood}`).toBe(true);
      if (fixture.moods.length) expect(fixture.moods, `${fixture.name} was labelled ${profile.mood}`).toContain(profile.mood);
    }
    // Fast, loud, bright grooves are more aroused than the soft pad, and the features say why.
    const arousal = (name: string) => results.find((r) => r.fixture.name === name)!.profile.moodFeatures!.arousal!;
    expect(arousal('edm-128-bright')).toBeGreaterThan(arousal('pad-minor-soft') + 0.4);
    expect(results.find((r) => r.fixture.name === 'edm-128-bright')!.profile.moodFeatures!.brightnessHz).toBeGreaterThan(
      results.find((r) => r.fixture.name === 'pad-minor-soft')!.profile.moodFeatures!.brightnessHz! * 3,
    );
  });

  it('rejects a file that is not audio with an AnalysisError', async () => {
    await expect(analyzeAudio('/tmp/noor-analysis-clips/does-not-exist.m4a')).rejects.toBeInstanceOf(AnalysisError);
  });
});
