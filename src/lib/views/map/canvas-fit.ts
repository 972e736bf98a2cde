/**
 * Sizes a map layer's canvas to cover a view at the device's pixel ratio (crisp on high-density
 * screens). A canvas already that size is left alone: setting its size clears it.
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  view: { width: number; height: number; pixelRatio: number },
): void {
  const w = Math.round(view.width * view.pixelRatio);
  const h = Math.round(view.height * view.pixelRatio);
  if (canvas.width === w && canvas.height === h) return;
  canvas.width = w;
  canvas.height = h;
  canvas.style.width = `${view.width}px`;
  canvas.style.height = `${view.height}px`;
}
