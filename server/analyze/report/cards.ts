// The report's summary cards under the timeline: the palette (a weighted bar
// and swatches with hex and weight), the measured look (luma, contrast,
// saturation, warmth, split tone, letterbox), the derived grade as bipolar
// sliders, and the audio mood with the features it was chosen from.
import type { ColorProfile, StyleProfile } from '../profile';
import { esc, notMeasured, num, pct, signed } from './format';

const card = (title: string, body: string, extraClass = ''): string =>
  `<section class="card ${extraClass}"><h2>${esc(title)}</h2>${body}</section>`;

/** Swatch chips for a palette (shared by the palette card and the per-shot details). */
export const swatchChips = (palette: ColorProfile['palette']): string =>
  palette.map((p) => `<span class="chip" data-hex="${esc(p.hex)}" style="background:${esc(p.hex)}" title="${esc(`${p.hex} · ${pct(p.weight)}`)}"></span>`).join('');

/** Palettes up to this long list one swatch per row; longer ones use two columns. */
export const PALETTE_SINGLE_COLUMN = 8;

export function paletteCard(profile: StyleProfile): string {
  const color = profile.color;
  if (!color || color.palette.length === 0) return card('Palette', notMeasured(profile.warnings, ['color', 'colour', 'palette', 'video']), 'palette');
  const total = color.palette.reduce((a, p) => a + p.weight, 0) || 1;
  const bar = color.palette.map((p) => `<span style="background:${esc(p.hex)};flex-grow:${num(p.weight / total, 4)}"></span>`).join('');
  const list = color.palette
    .map(
      (p) =>
        `<li class="swatch" data-hex="${esc(p.hex)}"><span class="chip" style="background:${esc(p.hex)}"></span><span class="hex">${esc(p.hex)}</span><span class="weight">${pct(p.weight)}</span></li>`,
    )
    .join('');
  return card('Palette', `<div class="palette-bar">${bar}</div><ul class="swatches${color.palette.length > PALETTE_SINGLE_COLUMN ? ' two-columns' : ''}">${list}</ul>`, 'palette');
}

const meter = (label: string, value: number, shown: string): string =>
  `<div class="meter"><span class="meter-label">${esc(label)}</span><span class="meter-track"><span style="width:${num(Math.min(1, Math.max(0, value)) * 100, 1)}%"></span></span><span class="meter-value">${shown}</span></div>`;

export function lookCard(profile: StyleProfile): string {
  const color = profile.color;
  if (!color) return card('Look', notMeasured(profile.warnings, ['color', 'colour', 'video']), 'look');
  const letterbox = color.letterbox ? `${color.letterbox.top} px top · ${color.letterbox.bottom} px bottom` : 'none';
  const body =
    meter('Mean luma', color.meanLuma, num(color.meanLuma, 2)) +
    meter('Contrast', color.contrast, num(color.contrast, 2)) +
    meter('Saturation', color.saturation, num(color.saturation, 2)) +
    `<dl class="facts">` +
    `<dt>Temperature</dt><dd><span class="temp temp-${color.temperature}">${esc(color.temperature)}</span> <span class="muted">warmth ${signed(color.warmth)}</span></dd>` +
    `<dt>Shadows</dt><dd class="split"><span class="chip" style="background:${esc(color.shadowTint)}"></span><span class="hex">${esc(color.shadowTint)}</span></dd>` +
    `<dt>Highlights</dt><dd class="split"><span class="chip" style="background:${esc(color.highlightTint)}"></span><span class="hex">${esc(color.highlightTint)}</span></dd>` +
    `<dt>Letterbox</dt><dd>${letterbox}</dd>` +
    `</dl>`;
  return card('Look', body, 'look');
}

const GRADE_ROWS = [
  { key: 'exposure', label: 'Exposure', low: 'darker', high: 'brighter' },
  { key: 'contrast', label: 'Contrast', low: 'flat', high: 'punchy' },
  { key: 'saturation', label: 'Saturation', low: 'muted', high: 'vivid' },
  { key: 'temperature', label: 'Temperature', low: 'cool', high: 'warm' },
  { key: 'tint', label: 'Tint', low: 'green', high: 'magenta' },
] as const;

/** A -1..1 value as a fill from the centre of a track (left for negative, right for positive). */
export function bipolarFill(value: number): { left: number; width: number } {
  const v = Math.min(1, Math.max(-1, Number.isFinite(value) ? value : 0));
  return v < 0 ? { left: 50 + v * 50, width: -v * 50 } : { left: 50, width: v * 50 };
}

export function gradeCard(profile: StyleProfile): string {
  const grade = profile.color?.grade;
  if (!grade) return card('Derived grade', notMeasured(profile.warnings, ['grade', 'color', 'colour', 'video']), 'grade');
  const rows = GRADE_ROWS.map(({ key, label, low, high }) => {
    const value = grade[key];
    const fill = bipolarFill(value);
    return (
      `<div class="bipolar bipolar-${key}" data-grade="${key}"><div class="bipolar-head"><span>${label}</span><span class="value">${signed(value)}</span></div>` +
      `<div class="bipolar-track"><span class="bipolar-fill" style="left:${num(fill.left, 2)}%;width:${num(fill.width, 2)}%"></span><span class="bipolar-zero"></span></div>` +
      `<div class="bipolar-ends"><span>${low}</span><span>${high}</span></div></div>`
    );
  }).join('');
  return card('Derived grade', `${rows}<p class="note">Moves a neutral image toward this look.</p>`, 'grade');
}

/** camelCase or snake_case feature names as words ("spectralCentroid" → "spectral centroid"). */
export const featureName = (key: string): string =>
  key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();

/** A feature value with precision that suits its size. */
export const featureValue = (value: number): string => {
  const abs = Math.abs(value);
  return num(value, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
};

export function audioCard(profile: StyleProfile): string {
  const audio = profile.audio;
  if (!audio) return card('Sound', notMeasured(profile.warnings, ['audio', 'mood']), 'sound');
  const yesNo = (flag: boolean | undefined, label: string): string =>
    flag === undefined ? `<span class="pill muted">${label} ?</span>` : `<span class="pill${flag ? ' on' : ''}">${flag ? '' : 'no '}${label}</span>`;
  const pills = [
    yesNo(audio.hasMusic, 'music'),
    yesNo(audio.hasSpeech, 'speech'),
    audio.bpm !== null ? `<span class="pill">${num(audio.bpm, 0)} BPM</span>` : '<span class="pill muted">tempo not measured</span>',
    audio.loudnessLufs !== null ? `<span class="pill">${num(audio.loudnessLufs)} LUFS</span>` : '<span class="pill muted">loudness not measured</span>',
    audio.loudnessRange !== null && audio.loudnessRange !== undefined ? `<span class="pill">LRA ${num(audio.loudnessRange)} LU</span>` : '',
  ].join('');
  const features = Object.entries(audio.moodFeatures ?? {});
  const featureList =
    features.length > 0
      ? `<ul class="features">${features
          .map(([key, value]) => {
            const unit = value >= 0 && value <= 1;
            const bar = unit ? `<span class="feature-bar"><span style="width:${num(value * 100, 1)}%"></span></span>` : '<span class="feature-bar empty"></span>';
            return `<li data-feature="${esc(key)}"><span class="feature-name">${esc(featureName(key))}</span>${bar}<span class="feature-value">${featureValue(value)}</span></li>`;
          })
          .join('')}</ul>`
      : '<p class="missing"><span class="missing-label">features not recorded</span></p>';
  return card('Sound', `<p class="mood">${esc(audio.mood)}</p><div class="pills">${pills}</div><h3>Behind the mood</h3>${featureList}`, 'sound');
}

export function warningsSection(profile: StyleProfile): string {
  const body =
    profile.warnings.length === 0
      ? '<p class="all-clear">No warnings: every part was measured.</p>'
      : `<ul class="warnings">${profile.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
  return `<section class="card details warnings-card"><h2>Warnings</h2>${body}</section>`;
}
