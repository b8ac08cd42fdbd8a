// Draws a procedural cinematic sky from a Scene onto a canvas: gradient,
// breathing glow, slow light rays, twinkling stars, drifting mist, dune
// silhouettes and rising dust, with a slow push-in. No network, no stock
// media; a pure function of (scene, grade, seed, time) with seeded randomness.
import { random } from 'remotion';
import { gradeColor, type ColorMatrix } from '../effects/grade';
import type { Scene } from './scenes';

const TAU = Math.PI * 2;

export interface SkyTime {
  /** seconds since the start */
  t: number;
  /** 0..1 through the video */
  progress: number;
}

interface Layout {
  stars: { x: number; y: number; r: number; phase: number; speed: number }[];
  mist: { y: number; w: number; h: number; phase: number; speed: number }[];
  dust: { x: number; y: number; size: number; rise: number; sway: number }[];
  dunes: Path2D[];
}

const layouts = new Map<string, Layout>();

function dunePath(width: number, height: number, baseline: number, amplitude: number, seed: string): Path2D {
  const waves = [0, 1, 2].map((i) => ({
    freq: 1 + i * 1.7 + random(`${seed}-f${i}`) * 1.3,
    phase: random(`${seed}-p${i}`) * TAU,
    amp: amplitude / (i + 1),
  }));
  const path = new Path2D();
  path.moveTo(-0.1 * width, height);
  const steps = 64;
  for (let s = 0; s <= steps; s++) {
    const x = s / steps;
    const y = baseline + waves.reduce((acc, w) => acc + Math.sin(x * w.freq * Math.PI + w.phase) * w.amp, 0);
    path.lineTo((x * 1.2 - 0.1) * width, y * height);
  }
  path.lineTo(1.1 * width, height);
  path.closePath();
  return path;
}

function layoutFor(scene: Scene, seed: number, width: number, height: number): Layout {
  const key = `${seed}:${width}x${height}:${scene.stars}:${scene.dust.count}`;
  const hit = layouts.get(key);
  if (hit) return hit;
  const r = (name: string, i: number) => random(`${name}-${seed}-${i}`);
  const layout: Layout = {
    stars: Array.from({ length: scene.stars }, (_, i) => ({
      x: r('star-x', i),
      y: r('star-y', i) ** 1.6 * 0.7,
      r: 0.6 + r('star-r', i) ** 3 * 2.2,
      phase: r('star-p', i) * TAU,
      speed: 0.4 + r('star-s', i) * 1.2,
    })),
    mist: Array.from({ length: 5 }, (_, i) => ({
      y: 0.35 + r('mist-y', i) * 0.5,
      w: 0.9 + r('mist-w', i) * 0.8,
      h: 0.12 + r('mist-h', i) * 0.12,
      phase: r('mist-p', i) * TAU,
      speed: 0.015 + r('mist-s', i) * 0.02,
    })),
    dust: Array.from({ length: scene.dust.count }, (_, i) => ({
      x: r('dust-x', i),
      y: r('dust-y', i),
      size: 2 + r('dust-s', i) * 5,
      rise: 0.004 + r('dust-r', i) * 0.01,
      sway: r('dust-w', i) * TAU,
    })),
    dunes: [0, 1, 2].map((i) => dunePath(width, height, 0.8 + i * 0.06, 0.025 + i * 0.01, `dune-${seed}-${i}`)),
  };
  layouts.set(key, layout);
  return layout;
}

function radial(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, inner: string, outer: string): void {
  const gradient = ctx.createRadialGradient(x, y, 0, x, y, radius);
  gradient.addColorStop(0, inner);
  gradient.addColorStop(1, outer);
  ctx.fillStyle = gradient;
  ctx.fillRect(x - radius, y - radius, radius * 2, radius * 2);
}

export function drawSky(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  scene: Scene,
  grade: ColorMatrix,
  seed: number,
  { t, progress }: SkyTime,
  /** draws layers that belong between the sky and the dunes (clouds, patterns) */
  beforeDunes?: () => void,
): void {
  const layout = layoutFor(scene, seed, width, height);
  const px = Math.min(width, height) / 1080;
  const c = (color: string, alpha = 1) => gradeColor(color, grade, alpha);
  const gx = scene.glow.x * width;
  const gy = scene.glow.y * height;
  const glowR = scene.glow.radius * height;
  const breathe = 0.85 + 0.15 * Math.sin(t * 0.5);

  ctx.save();
  const push = 1 + 0.06 * progress;
  ctx.translate(gx, gy);
  ctx.scale(push, push);
  ctx.translate(-gx, -gy);

  const sky = ctx.createLinearGradient(0, 0, 0, height);
  [0, 0.35, 0.7, 1].forEach((stop, i) => sky.addColorStop(stop, c(scene.sky[i]!)));
  ctx.fillStyle = sky;
  ctx.fillRect(-width * 0.05, -height * 0.05, width * 1.1, height * 1.1);

  radial(ctx, gx, gy, glowR * 3, c(scene.glow.color, scene.glow.intensity * 0.45 * breathe), c(scene.glow.color, 0));

  if (scene.rays > 0) {
    const length = glowR * 4.5;
    const turn = ((progress - 0.5) * 8 * Math.PI) / 180;
    const rayFill = ctx.createRadialGradient(gx, gy, 0, gx, gy, length);
    rayFill.addColorStop(0, c('#ffffff', scene.rays * 0.3 * breathe));
    rayFill.addColorStop(1, c('#ffffff', 0));
    ctx.fillStyle = rayFill;
    ctx.beginPath();
    for (let a = 0; a < TAU; a += (11 * Math.PI) / 180) {
      const from = a + turn;
      const to = from + (3.2 * Math.PI) / 180;
      ctx.moveTo(gx, gy);
      ctx.lineTo(gx + Math.cos(from) * length, gy + Math.sin(from) * length);
      ctx.lineTo(gx + Math.cos(to) * length, gy + Math.sin(to) * length);
      ctx.closePath();
    }
    ctx.fill();
  }

  for (const s of layout.stars) {
    const twinkle = 0.35 + 0.65 * (0.5 + 0.5 * Math.sin(t * s.speed * 2 + s.phase));
    ctx.fillStyle = c('#ffffff', twinkle);
    ctx.beginPath();
    ctx.arc(s.x * width, s.y * height, Math.max(0.5, s.r * px), 0, TAU);
    ctx.fill();
  }

  radial(ctx, gx, gy, glowR, c(scene.glow.color, scene.glow.intensity * breathe), c(scene.glow.color, 0));

  for (const m of layout.mist) {
    const cx = (-0.2 + 0.2 * Math.sin(t * m.speed * TAU + m.phase) + m.w / 2) * width;
    const cy = m.y * height;
    const rx = (m.w / 2) * width;
    const ry = (m.h / 2) * height;
    ctx.save();
    ctx.translate(cx, cy);
    ctx.scale(1, ry / rx);
    radial(ctx, 0, 0, rx, c(scene.mist), c(scene.mist, 0));
    ctx.restore();
  }

  if (beforeDunes) {
    ctx.save();
    beforeDunes();
    ctx.restore();
  }

  layout.dunes.forEach((path, i) => {
    ctx.save();
    ctx.translate(Math.sin(t * 0.05 + i) * (i + 1) * 0.004 * width, 0);
    ctx.fillStyle = c(scene.dunes[i]!);
    ctx.fill(path);
    ctx.restore();
  });
  ctx.restore();

  for (const p of layout.dust) {
    const y = (((p.y - t * p.rise) % 1) + 1) % 1;
    const x = p.x + Math.sin(t * 0.3 + p.sway) * 0.01;
    const twinkle = 0.5 + 0.5 * Math.sin(t * 0.8 + p.sway * 3);
    const size = p.size * px;
    ctx.fillStyle = c(scene.dust.color, twinkle * 0.35);
    ctx.beginPath();
    ctx.arc(x * width, y * height, size, 0, TAU);
    ctx.fill();
    ctx.fillStyle = c(scene.dust.color, twinkle);
    ctx.beginPath();
    ctx.arc(x * width, y * height, size * 0.45, 0, TAU);
    ctx.fill();
  }
}

/** A soft pool of `color` (dark on dark scenes, light on light ones) behind the text block so it reads over any part of the sky. */
export function drawScrim(
  ctx: CanvasRenderingContext2D,
  region: { cx: number; cy: number; rx: number; ry: number },
  color: string,
  grade: ColorMatrix,
): void {
  ctx.save();
  ctx.translate(region.cx, region.cy);
  ctx.scale(1, region.ry / region.rx);
  radial(ctx, 0, 0, region.rx, gradeColor(color, grade), gradeColor(color, grade, 0));
  ctx.restore();
}
