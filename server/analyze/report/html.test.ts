import { describe, expect, it } from 'vitest';
import { fullProfile, sparseProfile } from '../../../tests/analysis/report-fixture';
import { bipolarFill, featureName } from './cards';
import { renderHtml } from './html';
import { summaryHeight } from './index';
import { motionText } from './shots';
import { textRows, tickLabel, type Thumbnail } from './timeline';

const HOSTILE = `/tmp/clips/<script>alert("x")</script> & 'friends'.mp4`;
const thumbs: Thumbnail[] = [
  { dataUri: 'data:image/jpeg;base64,/9j/AAAA', reason: null },
  { dataUri: 'data:image/jpeg;base64,/9j/BBBB', reason: null },
  { dataUri: null, reason: 'frame extraction failed: <boom>' },
];
const meta = { fileName: `<script>alert("x")</script> & 'friends'.mp4`, filePath: HOSTILE, fileBytes: 2048 };

/** Opening and closing tags of each element the report writes must pair up. */
const unbalanced = (html: string): string[] =>
  ['div', 'section', 'span', 'svg', 'ul', 'li', 'dl', 'dt', 'dd', 'article', 'header', 'main', 'p', 'h1', 'h2', 'h3', 'footer', 'polyline', 'line', 'polygon'].filter((tag) => {
    const open = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
    const close = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
    const selfClosed = html.match(new RegExp(`<${tag}\\b[^>]*/>`, 'g'))?.length ?? 0;
    return open !== close + selfClosed;
  });

describe('renderHtml', () => {
  const full = renderHtml(fullProfile(HOSTILE), thumbs, meta);
  const sparse = renderHtml(sparseProfile(HOSTILE), thumbs, meta);

  it('is one well-formed page with no script and no external reference', () => {
    for (const html of [full, sparse]) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(unbalanced(html)).toEqual([]);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/url\(/);
      expect([...html.matchAll(/\ssrc="([^"]*)"/g)].every((m) => m[1]!.startsWith('data:image/jpeg;base64,'))).toBe(true);
    }
  });

  it('escapes a hostile file name everywhere it appears', () => {
    expect(full).not.toContain('<script>alert');
    expect(full).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;.mp4');
  });

  it('shows each shot once on the strip, with a placeholder naming why a frame is missing', () => {
    const strip = /<div class="strip">(.*?)<\/div><\/div><div class="lane-axis">/s.exec(full)![1]!;
    expect(strip.match(/<div class="shot"/g)).toHaveLength(3);
    expect(strip.match(/<img class="thumb" src="data:image\/jpeg;base64,/g)).toHaveLength(2);
    expect(strip).toContain('title="frame extraction failed: &lt;boom&gt;"');
  });

  it('marks cuts as lines and gradual transitions as labelled spans', () => {
    expect(full).toMatch(/class="transition cut" data-type="cut" style="left:36\.364%"/);
    expect(full).toMatch(/class="transition gradual" data-type="dissolve" style="left:63\.636%;width:9\.091%"[^>]*><span>dissolve<\/span>/);
  });

  it('shows every palette colour, the grade, the mood features and the text entrances', () => {
    for (const { hex } of fullProfile(HOSTILE).color!.palette) expect(full).toContain(`<li class="swatch" data-hex="${hex}">`);
    expect(full.match(/data-grade="/g)).toHaveLength(5);
    expect(full).toContain('<li data-feature="tempoBpm"><span class="feature-name">tempo bpm</span>');
    expect(full.match(/class="text-bar" data-entrance="(fade|slide|typewriter)"/g)).toHaveLength(3);
    expect(full).toContain('“In the name of God”');
  });

  it('says "not measured" with the analyser\'s reason for every missing part', () => {
    const notes = [...sparse.matchAll(/<p class="missing"><span class="missing-label">not measured<\/span>(?:<span class="missing-reason">([^<]*)<\/span>)?/g)].map((m) => m[1]);
    expect(notes).toEqual(
      expect.arrayContaining(['the frames could not be decoded past 1.2 s', 'the file has no audio stream', 'too few shots for pacing statistics', 'OCR is not installed']),
    );
    // Pacing, luma, loudness, beats, text, palette, look, grade and sound; colour and composition of each of three shots.
    expect(notes).toHaveLength(9 + 2 * 3);
    expect(sparse).not.toContain('polyline');
    expect(sparse).toContain('4 warnings');
  });
});

describe('report layout helpers', () => {
  it('stacks overlapping text intervals into rows', () => {
    const t = (start: number, end: number) => ({ start, end, box: { x: 0, y: 0, w: 1, h: 1 }, entrance: 'none' as const });
    expect(textRows([t(0, 2), t(1, 3), t(2, 4), t(2.5, 3)])).toEqual([0, 1, 0, 2]);
  });

  it('fills bipolar sliders from the centre', () => {
    expect(bipolarFill(0.5)).toEqual({ left: 50, width: 25 });
    expect(bipolarFill(-0.2)).toEqual({ left: 40, width: 10 });
    expect(bipolarFill(3)).toEqual({ left: 50, width: 50 });
  });

  it('names features, motions and ticks in words', () => {
    expect(featureName('spectralCentroid_hz')).toBe('spectral centroid hz');
    expect(motionText({ salient: { x: 0.5, y: 0.5 }, thirds: 'center', motion: 'pan', direction: 'left', speed: 0.123 })).toBe('pan ← left · 0.12 frame widths/s');
    expect(motionText({ salient: { x: 0.5, y: 0.5 }, thirds: 'center', motion: 'zoom', direction: 'in', speed: 0.3 })).toBe('zoom in · 0.30 scale/s');
    expect(tickLabel(1.5, 5.5)).toBe('1.5s');
    expect(tickLabel(90, 120)).toBe('1:30');
  });

  it('sizes the PNG summary to what the profile shows', () => {
    expect(summaryHeight(fullProfile('a.mp4'))).toBeGreaterThan(summaryHeight(sparseProfile('a.mp4')));
    expect(summaryHeight(sparseProfile('a.mp4'))).toBeGreaterThan(600);
  });
});
