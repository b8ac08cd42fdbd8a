// Assembles the self-contained report page: a header (file, duration, size,
// fps, pacing), the time-aligned timeline, the palette / look / grade / sound
// cards, per-shot details and warnings. Pure: thumbnails arrive as data URIs,
// nothing refers to a URL outside the page and there is no script.
import type { StyleProfile } from '../profile';
import { audioCard, gradeCard, lookCard, paletteCard, warningsSection } from './cards';
import { bytes, clock, esc, notMeasured, num } from './format';
import { shotsSection } from './shots';
import { STYLES } from './styles';
import { timeline, type Thumbnail } from './timeline';

export interface ReportMeta {
  /** The name shown as the title (usually the input's base name). */
  fileName: string;
  /** The full input path, shown on hover. */
  filePath: string;
  /** The input's size on disk, when known. */
  fileBytes: number | null;
}

const stat = (value: string, label: string): string => `<div class="stat"><div class="stat-value">${value}</div><div class="stat-label">${esc(label)}</div></div>`;

function pacingStats(profile: StyleProfile): string {
  const p = profile.pacing;
  if (!p) return `<div class="stats">${notMeasured(profile.warnings, ['pacing', 'shots', 'video'])}</div>`;
  return (
    `<div class="stats">` +
    stat(String(p.shotCount), 'Shots') +
    stat(`${num(p.meanShotSec)}<small>± ${num(p.stdShotSec)} s</small>`, 'Mean shot') +
    stat(`${num(p.medianShotSec)}<small>s</small>`, 'Median shot') +
    stat(num(p.cutsPerMinute), 'Cuts / min') +
    `</div>`
  );
}

function header(profile: StyleProfile, meta: ReportMeta): string {
  const s = profile.source;
  const chips = [
    `<span><b>${clock(s.durationSec)}</b> duration</span>`,
    `<span><b>${s.width}×${s.height}</b></span>`,
    `<span><b>${num(s.fps, Number.isInteger(s.fps) ? 0 : 2)}</b> fps</span>`,
    meta.fileBytes !== null ? `<span><b>${bytes(meta.fileBytes)}</b></span>` : '',
    `<span>${s.hasAudio ? 'with audio' : 'no audio'}</span>`,
    profile.warnings.length > 0 ? `<span class="warn">${profile.warnings.length} warning${profile.warnings.length === 1 ? '' : 's'}</span>` : '',
  ].join('');
  return (
    `<header class="hero"><div class="hero-main"><p class="eyebrow">Noor · Style profile</p>` +
    `<h1 title="${esc(meta.filePath)}">${esc(meta.fileName)}</h1><div class="meta">${chips}</div></div>${pacingStats(profile)}</header>`
  );
}

function paletteBand(profile: StyleProfile): string {
  const palette = profile.color?.palette ?? [];
  if (palette.length === 0) return '';
  return `<div class="palette-band">${palette.map((p) => `<span style="background:${esc(p.hex)};flex-grow:${num(p.weight, 4)}"></span>`).join('')}</div>`;
}

function footer(profile: StyleProfile): string {
  const parts = [`Noor style analysis · profile v${profile.version}`];
  if (profile.analyzedAt) parts.push(`analysed ${esc(profile.analyzedAt)}`);
  if (profile.analysisSec !== undefined) parts.push(`in ${num(profile.analysisSec)} s`);
  return `<footer>${parts.join(' · ')}</footer>`;
}

/** The whole report as one HTML document. */
export function renderHtml(profile: StyleProfile, thumbs: readonly Thumbnail[], meta: ReportMeta): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(`${meta.fileName} · Noor style profile`)}</title><style>${STYLES}</style></head>` +
    `<body><a id="summary"></a>${paletteBand(profile)}<main class="page">${header(profile, meta)}${timeline(profile, thumbs)}` +
    `<div class="cards">${paletteCard(profile)}${lookCard(profile)}${gradeCard(profile)}${audioCard(profile)}</div>` +
    `${shotsSection(profile, thumbs)}${warningsSection(profile)}${footer(profile)}</main></body></html>`
  );
}
