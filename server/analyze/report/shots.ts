// Per-shot details: each shot's frame with a rule-of-thirds overlay marking
// the salient centre, its time range, its own colour (swatches, luma,
// saturation, temperature), camera motion and thirds position; anything the
// analysers did not measure for a shot is said so.
import type { Shot, ShotComposition, StyleProfile } from '../profile';
import { swatchChips } from './cards';
import { clock, esc, notMeasured, num, secs } from './format';
import { thumbImage, type Thumbnail } from './timeline';

const ARROWS: Record<NonNullable<ShotComposition['direction']>, string> = {
  left: '←',
  right: '→',
  up: '↑',
  down: '↓',
  in: 'in',
  out: 'out',
};

/** Camera motion in words, e.g. "pan → right · 0.12 frame widths/s". */
export function motionText(c: ShotComposition): string {
  if (c.motion === 'static') return 'static';
  const direction = c.direction ? ` ${ARROWS[c.direction]}${c.direction === 'in' || c.direction === 'out' ? '' : ` ${c.direction}`}` : '';
  const unit = c.motion === 'zoom' ? 'scale/s' : 'frame widths/s';
  return `${c.motion}${direction} · ${num(c.speed, 2)} ${unit}`;
}

const FRAME_MAX_HEIGHT = 168;

function frame(shot: Shot, thumb: Thumbnail | undefined, index: number, aspect: number): string {
  const c = shot.composition;
  const overlay = c
    ? `<span class="salient" style="left:${num(c.salient.x * 100, 1)}%;top:${num(c.salient.y * 100, 1)}%"></span>`
    : '';
  const size = `aspect-ratio:${num(aspect, 4)};width:min(100%, ${num(FRAME_MAX_HEIGHT * aspect, 0)}px)`;
  return `<div class="frame" style="${size}">${thumbImage(thumb, `Shot ${index + 1}`)}<span class="thirds"></span>${overlay}</div>`;
}

function shotCard(profile: StyleProfile, shot: Shot, thumb: Thumbnail | undefined, index: number, aspect: number): string {
  const color = shot.color
    ? `<div class="shot-colour"><span class="chips">${swatchChips(shot.color.palette)}</span><span class="muted">luma ${num(shot.color.meanLuma, 2)} · sat ${num(shot.color.saturation, 2)} · ${esc(shot.color.temperature)}</span></div>`
    : notMeasured(profile.warnings, ['shot color', 'shot colour', 'color', 'colour']);
  const c = shot.composition;
  const facts = c
    ? `<dl class="facts compact"><dt>Motion</dt><dd>${esc(motionText(c))}</dd><dt>Thirds</dt><dd>${esc(c.thirds)}</dd></dl>`
    : notMeasured(profile.warnings, ['composition', 'motion']);
  return (
    `<article class="shot-card" data-shot="${index + 1}">${frame(shot, thumb, index, aspect)}` +
    `<header><span class="shot-title">Shot ${index + 1}</span><span class="muted">${clock(shot.start)} – ${clock(shot.end)} · ${secs(shot.end - shot.start)}</span></header>` +
    `${color}${facts}</article>`
  );
}

export function shotsSection(profile: StyleProfile, thumbs: readonly Thumbnail[]): string {
  if (profile.shots.length === 0) return '';
  const aspect = profile.source.width / profile.source.height;
  const cards = profile.shots.map((shot, i) => shotCard(profile, shot, thumbs[i], i, aspect)).join('');
  return `<section class="details shots-section"><h2 class="section-title">Shots</h2><div class="shot-grid">${cards}</div></section>`;
}
