// Ken Burns maths: a slow, eased pan and zoom over a still image, as the CSS
// that places it. Pure and Node-safe; ./KenBurns.tsx applies it to an <Img>.
// Must not read the frame or know the image's pixel size: the framing is left
// to CSS object-fit / object-position, so the same numbers suit any picture.
import { z } from 'zod';
import { Easing } from 'remotion';

export const KEN_BURNS_FITS = ['cover', 'contain'] as const;
export const KEN_BURNS_EASINGS = ['linear', 'ease-in-out', 'ease-out', 'ease-in'] as const;
export type KenBurnsEasing = (typeof KEN_BURNS_EASINGS)[number];

const listed = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const zoom = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .min(1, { error: `${field} must be at least 1 (the framed image)` })
    .max(2, { error: `${field} must be at most 2` });

const panAxis = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .min(-1, { error: `${field} must be at least -1` })
    .max(1, { error: `${field} must be at most 1` });

const pan = (field: string) =>
  z.object({
    x: panAxis(`${field}.x`).describe('-1 shows the left edge of the image, 0 its centre, 1 its right edge (fraction of the space it can move)'),
    y: panAxis(`${field}.y`).describe('-1 shows the top edge of the image, 0 its centre, 1 its bottom edge'),
  });

export const kenBurnsSchema = z.object({
  zoomFrom: zoom('zoomFrom').describe('Zoom at the start, 1..2 (1 is the image framed by `fit`)'),
  zoomTo: zoom('zoomTo').describe('Zoom at the end, 1..2; more than zoomFrom pushes in, less pulls out'),
  panFrom: pan('panFrom').describe('Part of the image in view at the start'),
  panTo: pan('panTo').describe('Part of the image in view at the end'),
  fit: z.enum(KEN_BURNS_FITS, { error: `fit must be one of ${listed(KEN_BURNS_FITS)}` }).describe('cover fills the frame (crops); contain shows the whole image (may leave borders)'),
  easing: z.enum(KEN_BURNS_EASINGS, { error: `easing must be one of ${listed(KEN_BURNS_EASINGS)}` }).describe('Speed curve of the move (CSS timing-function shapes)'),
});

export type KenBurnsParams = z.infer<typeof kenBurnsSchema>;

export const kenBurnsDefaults: KenBurnsParams = {
  zoomFrom: 1,
  zoomTo: 1.15,
  panFrom: { x: 0, y: 0 },
  panTo: { x: 0.3, y: -0.2 },
  fit: 'cover',
  easing: 'ease-in-out',
};

const EASINGS: Record<KenBurnsEasing, (t: number) => number> = {
  linear: Easing.linear,
  'ease-in-out': Easing.bezier(0.42, 0, 0.58, 1),
  'ease-out': Easing.bezier(0, 0, 0.58, 1),
  'ease-in': Easing.bezier(0.42, 0, 1, 1),
};

/**
 * Where the image sits at `progress` (0..1, clamped). The image element fills
 * the frame with object-fit `fit`; `objectX/objectY` (object-position, %) pan
 * across the room the fit leaves (the cropped side under cover), and
 * `transform: translate(translateX%, translateY%) scale(scale)` zooms about
 * the centre and pans across the room the zoom adds. Both use the same pan
 * value, so pan ±1 puts the image's edge on the frame's edge and, under
 * cover, no border ever shows. Zoom moves geometrically (steady apparent speed).
 */
export function kenBurnsTransform(
  progress: number,
  params: KenBurnsParams,
): { scale: number; translateX: number; translateY: number; objectX: number; objectY: number } {
  const e = EASINGS[params.easing](Math.min(1, Math.max(0, progress)));
  const scale = params.zoomFrom * (params.zoomTo / params.zoomFrom) ** e;
  const x = params.panFrom.x + (params.panTo.x - params.panFrom.x) * e;
  const y = params.panFrom.y + (params.panTo.y - params.panFrom.y) * e;
  return {
    scale,
    translateX: (-x * (scale - 1) * 100) / 2,
    translateY: (-y * (scale - 1) * 100) / 2,
    objectX: (1 + x) * 50,
    objectY: (1 + y) * 50,
  };
}
