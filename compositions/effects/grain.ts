// Film grain: signed noise from one seeded tile per seed, added to the
// canvas's pixels at a new seeded offset every frame. Deterministic
// (Remotion's random(), never Math.random()), so a frame renders the same
// alone, in any order or chunk. Works on the pixel data directly: far
// cheaper in software rendering than blending a noise layer.
import { random } from 'remotion';

const TILE = 256;
const tiles = new Map<number, Int8Array>();

function noiseTile(seed: number): Int8Array {
  const hit = tiles.get(seed);
  if (hit) return hit;
  const tile = new Int8Array(TILE * TILE);
  for (let i = 0; i < tile.length; i++) tile[i] = Math.round((random(`grain-${seed}-${i}`) * 2 - 1) * 127);
  tiles.set(seed, tile);
  return tile;
}

/** Grain is redrawn every other frame (15 per second at 30 fps): film-like, and it halves the noise the encoder must store. */
const FRAMES_PER_GRAIN = 2;

export function drawGrain(ctx: CanvasRenderingContext2D, width: number, height: number, amount: number, seed: number, frame: number): void {
  if (amount <= 0) return;
  const grainFrame = Math.floor(frame / FRAMES_PER_GRAIN);
  const tile = noiseTile(seed);
  const dx = Math.floor(random(`grain-x-${seed}-${grainFrame}`) * TILE);
  const dy = Math.floor(random(`grain-y-${seed}-${grainFrame}`) * TILE);
  const gain = (amount * 28) / 127;
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  for (let y = 0; y < height; y++) {
    const row = ((y + dy) % TILE) * TILE;
    for (let x = 0; x < width; x++) {
      const n = tile[row + ((x + dx) % TILE)]! * gain;
      const i = (y * width + x) * 4;
      data[i] = data[i]! + n;
      data[i + 1] = data[i + 1]! + n;
      data[i + 2] = data[i + 2]! + n;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * Grain for a transparent overlay canvas (over media): light and dark specks
 * with alpha, since there are no pixels underneath to add noise to.
 */
export function drawGrainOverlay(ctx: CanvasRenderingContext2D, width: number, height: number, amount: number, seed: number, frame: number): void {
  if (amount <= 0) return;
  const tile = noiseTile(seed);
  const grainFrame = Math.floor(frame / FRAMES_PER_GRAIN);
  const dx = Math.floor(random(`grain-x-${seed}-${grainFrame}`) * TILE);
  const dy = Math.floor(random(`grain-y-${seed}-${grainFrame}`) * TILE);
  const gain = (amount * 255) / 127 / 5;
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  for (let y = 0; y < height; y++) {
    const row = ((y + dy) % TILE) * TILE;
    for (let x = 0; x < width; x++) {
      const n = tile[row + ((x + dx) % TILE)]!;
      const i = (y * width + x) * 4;
      const shade = n > 0 ? 255 : 0;
      // composite the speck over whatever the canvas already holds (e.g. a vignette)
      const a = Math.abs(n) * gain / 255;
      const under = data[i + 3]! / 255;
      const outA = a + under * (1 - a);
      if (outA <= 0) continue;
      data[i] = (shade * a + data[i]! * under * (1 - a)) / outA;
      data[i + 1] = (shade * a + data[i + 1]! * under * (1 - a)) / outA;
      data[i + 2] = (shade * a + data[i + 2]! * under * (1 - a)) / outA;
      data[i + 3] = outA * 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}
