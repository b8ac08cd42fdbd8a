// The report's timeline: lanes that share one time axis (a label column on
// the left, a track on the right). The shot strip shows each shot's thumbnail
// as wide as the shot is long, with cuts as lines and gradual transitions as
// labelled shaded spans; below it the mean luma curve, the loudness curve, the
// beat grid, on-screen text as bars, and a time ruler.
import type { ShotTransition, StyleProfile, TextAppearance } from '../profile';
import { beatGrid, lineChart, loudnessDomain, timePct, timeTicks } from './charts';
import { clock, esc, notMeasured, num, secs } from './format';

/** A shot's thumbnail: a JPEG data URI, or null with the reason it is missing. */
export interface Thumbnail {
  dataUri: string | null;
  reason: string | null;
}

const TRANSITION_LABELS: Record<ShotTransition['type'], string> = {
  cut: 'cut',
  dissolve: 'dissolve',
  fade_to_black: 'fade to black',
  fade_from_black: 'fade from black',
  wipe: 'wipe',
};

export const transitionLabel = (type: ShotTransition['type']): string => TRANSITION_LABELS[type];

/** The length the timeline spans: the source duration, or the end of the last thing on it when that is longer. */
export function timelineDuration(profile: StyleProfile): number {
  const ends = [
    profile.source.durationSec,
    ...profile.shots.map((s) => s.end),
    ...profile.text.map((t) => t.end),
    ...profile.transitions.map((t) => t.start + t.duration),
  ];
  return Math.max(0.001, ...ends.filter(Number.isFinite));
}

const pos = (start: number, end: number, duration: number): string => {
  const left = timePct(start, duration);
  return `left:${num(left, 3)}%;width:${num(Math.max(0, timePct(end, duration) - left), 3)}%`;
};

/** A lane: label and detail on the left, the time-aligned track, and an axis gutter on the right (top and bottom labels). */
const lane = (name: string, detail: string, track: string, extraClass = '', axis: readonly [string, string] | null = null): string =>
  `<div class="lane ${extraClass}"><div class="lane-label"><span class="lane-name">${esc(name)}</span>${detail ? `<span class="lane-detail">${detail}</span>` : ''}</div>` +
  `<div class="lane-track">${track}</div><div class="lane-axis">${axis ? `<span>${axis[0]}</span><span>${axis[1]}</span>` : ''}</div></div>`;

/** The thumbnail element (an <img> with a data URI, or a placeholder naming why there is none). */
export function thumbImage(thumb: Thumbnail | undefined, alt: string): string {
  if (thumb?.dataUri) return `<img class="thumb" src="${esc(thumb.dataUri)}" alt="${esc(alt)}">`;
  const reason = thumb?.reason ?? 'no frame';
  return `<div class="thumb placeholder" title="${esc(reason)}"><span>no frame</span></div>`;
}

function shotStrip(profile: StyleProfile, thumbs: readonly Thumbnail[], duration: number): string {
  if (profile.shots.length === 0) return lane('Shots', '', notMeasured(profile.warnings, ['shots', 'pacing', 'video']), 'lane-shots');
  const shots = profile.shots
    .map((shot, i) => {
      const title = `Shot ${i + 1} · ${clock(shot.start)}–${clock(shot.end)} · ${secs(shot.end - shot.start)}`;
      return `<div class="shot" style="${pos(shot.start, shot.end, duration)}" title="${esc(title)}">${thumbImage(thumbs[i], `Shot ${i + 1}`)}<span class="shot-no">${i + 1}</span></div>`;
    })
    .join('');
  const transitions = profile.transitions
    .map((t) => {
      const label = transitionLabel(t.type);
      const title = `${label} at ${clock(t.start, 2)}${t.duration > 0 ? `, ${secs(t.duration, 2)}` : ''}`;
      if (t.type === 'cut' || t.duration <= 0) {
        return `<div class="transition cut" data-type="${t.type}" style="left:${num(timePct(t.start, duration), 3)}%" title="${esc(title)}"></div>`;
      }
      return `<div class="transition gradual" data-type="${t.type}" style="${pos(t.start, t.start + t.duration, duration)}" title="${esc(title)}"><span>${esc(label)}</span></div>`;
    })
    .join('');
  const cuts = profile.transitions.filter((t) => t.type === 'cut' || t.duration <= 0).length;
  const gradual = profile.transitions.length - cuts;
  const detail = `${profile.shots.length} shots<br>${cuts} cut${cuts === 1 ? '' : 's'} · ${gradual} gradual`;
  return lane('Shots', detail, `<div class="strip">${shots}${transitions}</div>`, 'lane-shots');
}

function lumaLane(profile: StyleProfile, duration: number): string {
  const luma = profile.luma;
  if (!luma || luma.values.length === 0) return lane('Luma', '', notMeasured(profile.warnings, ['luma', 'color', 'colour', 'video']), 'lane-chart');
  const mean = luma.values.reduce((a, b) => a + b, 0) / luma.values.length;
  const chart = lineChart({ series: 'luma', values: luma.values, stepSec: luma.stepSec, duration, domain: [0, 1], height: 60 });
  return lane('Luma', `mean ${num(mean, 2)}`, chart, 'lane-chart', ['1.0', '0']);
}

function loudnessLane(profile: StyleProfile, duration: number): string {
  const audio = profile.audio;
  if (!audio) return lane('Loudness', '', notMeasured(profile.warnings, ['audio', 'loudness']), 'lane-chart');
  const values = audio.loudness ?? [];
  if (values.length === 0 || !audio.curveStepSec) return lane('Loudness', '', notMeasured(profile.warnings, ['loudness', 'audio']), 'lane-chart');
  const domain = loudnessDomain(values, audio.loudnessLufs);
  const references = audio.loudnessLufs !== null ? [{ value: audio.loudnessLufs, label: `integrated ${num(audio.loudnessLufs)} LUFS` }] : [];
  const chart = lineChart({ series: 'loudness', values, stepSec: audio.curveStepSec, duration, domain, height: 60, references });
  const detail = audio.loudnessLufs !== null ? `${num(audio.loudnessLufs)} LUFS` : 'short-term';
  return lane('Loudness', detail, chart, 'lane-chart', [String(domain[1]), String(domain[0])]);
}

function beatLane(profile: StyleProfile, duration: number): string {
  const audio = profile.audio;
  if (!audio) return lane('Beats', '', notMeasured(profile.warnings, ['audio', 'beats', 'bpm']), 'lane-beats');
  const beats = audio.beats ?? [];
  if (beats.length === 0) {
    const reason = audio.bpm === null ? notMeasured(profile.warnings, ['beats', 'bpm', 'tempo', 'audio']) : '<p class="missing"><span class="missing-label">no beat times</span></p>';
    return lane('Beats', audio.bpm !== null ? `${num(audio.bpm, 0)} BPM` : '', reason, 'lane-beats');
  }
  const bpm = audio.bpm !== null ? `<span class="bpm">${num(audio.bpm, 0)}</span> BPM` : 'tempo not measured';
  return lane('Beats', `${bpm}<br>${beats.length} beats`, beatGrid(beats, duration, 28), 'lane-beats');
}

/** Rows for text intervals so that overlapping ones do not cover each other (greedy, by start time). */
export function textRows(text: readonly TextAppearance[]): number[] {
  const order = text.map((t, i) => i).sort((a, b) => text[a]!.start - text[b]!.start);
  const rowEnds: number[] = [];
  const rows = new Array<number>(text.length).fill(0);
  for (const i of order) {
    const t = text[i]!;
    let row = rowEnds.findIndex((end) => end <= t.start);
    if (row === -1) row = rowEnds.push(t.end) - 1;
    else rowEnds[row] = t.end;
    rows[i] = row;
  }
  return rows;
}

function textLane(profile: StyleProfile, duration: number): string {
  if (profile.text.length === 0) {
    const reason = notMeasured(profile.warnings, ['text', 'ocr']);
    const none = reason.includes('missing-reason') ? reason : '<p class="missing"><span class="missing-label">no on-screen text found</span></p>';
    return lane('Text', '', none, 'lane-text');
  }
  const rows = textRows(profile.text);
  const rowCount = Math.max(...rows) + 1;
  const bars = profile.text
    .map((t, i) => {
      const words = t.words ? ` “${t.words}”` : '';
      const title = `${clock(t.start)}–${clock(t.end)} · ${t.entrance}${words}`;
      return `<div class="text-bar" data-entrance="${t.entrance}" style="${pos(t.start, t.end, duration)};top:${rows[i]! * 26}px" title="${esc(title)}"><span class="entrance">${esc(t.entrance)}</span>${t.words ? `<span class="words" dir="auto">${esc(t.words)}</span>` : ''}</div>`;
    })
    .join('');
  return lane('Text', `${profile.text.length} on screen`, `<div class="text-bars" style="height:${rowCount * 26 - 4}px">${bars}</div>`, 'lane-text');
}

/** A ruler label: seconds for clips under a minute (0.5s, 12s), m:ss beyond. */
export function tickLabel(t: number, duration: number): string {
  if (duration < 60) return `${Number.isInteger(t) ? t : t.toFixed(1)}s`;
  return clock(t, 0);
}

function ruler(duration: number): string {
  const ticks = timeTicks(duration)
    .map((t) => `<span class="tick" style="left:${num(timePct(t, duration), 3)}%">${tickLabel(t, duration)}</span>`)
    .join('');
  return lane('', '', `<div class="ruler">${ticks}</div>`, 'lane-ruler');
}

/** Faint vertical lines at the ruler's ticks, behind every lane. */
function gridlines(duration: number): string {
  const lines = timeTicks(duration)
    .map((t) => `<span style="left:${num(timePct(t, duration), 3)}%"></span>`)
    .join('');
  return `<div class="gridlines" aria-hidden="true">${lines}</div>`;
}

/** The colour script: each measured shot's palette stacked by weight, across the shot's span. */
function colourLane(profile: StyleProfile, duration: number): string {
  if (!profile.shots.some((s) => s.color)) return '';
  const spans = profile.shots
    .map((shot) => {
      const bands = shot.color
        ? shot.color.palette.map((p) => `<span style="background:${esc(p.hex)};flex-grow:${num(p.weight, 4)}"></span>`).join('')
        : '<span class="unmeasured"></span>';
      return `<div class="script-shot" style="${pos(shot.start, shot.end, duration)}">${bands}</div>`;
    })
    .join('');
  return lane('Colour', 'by shot', `<div class="colour-script">${spans}</div>`, 'lane-colour');
}

/** The whole timeline section. */
export function timeline(profile: StyleProfile, thumbs: readonly Thumbnail[]): string {
  const duration = timelineDuration(profile);
  return (
    `<section class="timeline card">${gridlines(duration)}${shotStrip(profile, thumbs, duration)}${colourLane(profile, duration)}` +
    `${lumaLane(profile, duration)}${loudnessLane(profile, duration)}${beatLane(profile, duration)}${textLane(profile, duration)}${ruler(duration)}</section>`
  );
}
