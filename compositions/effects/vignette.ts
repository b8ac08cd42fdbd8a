// Vignette: darkens a canvas towards its corners with an elliptical falloff.
// strength 0 draws nothing, 1 is a heavy, cinematic edge.
export function drawVignette(ctx: CanvasRenderingContext2D, width: number, height: number, strength: number): void {
  if (strength <= 0) return;
  const edge = Math.min(0.95, 0.35 + strength * 0.6);
  const rx = width * 0.75;
  const ry = height * 0.7;
  ctx.save();
  ctx.translate(width / 2, height * 0.48);
  ctx.scale(1, ry / rx);
  const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, rx);
  gradient.addColorStop(0.45, 'rgba(0,0,0,0)');
  gradient.addColorStop(0.78, `rgba(0,0,0,${(edge * 0.55).toFixed(3)})`);
  gradient.addColorStop(1, `rgba(0,0,0,${edge.toFixed(3)})`);
  ctx.fillStyle = gradient;
  ctx.fillRect(-width, -height * (rx / ry), width * 2, height * 2 * (rx / ry));
  ctx.restore();
}
