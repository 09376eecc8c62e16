import { getNodesBounds, getViewportForBounds, type Rect } from '@xyflow/react';
import type { NodeRecord, Viewport } from '../api';
import { forceFullDetail } from '../../canvas/detailStore';
import './capture.css';

export type ImageFormat = 'png' | 'svg';
/** The whole map (every node framed) or exactly what is on screen now. */
export type ImageArea = 'map' | 'view';

export interface CaptureOptions {
  format: ImageFormat;
  area: ImageArea;
  /** The map's nodes (for the bounds of the whole map). */
  nodes: readonly NodeRecord[];
  /**
   * The canvas's pan and zoom. The canvas draws only what is in view, so for the whole map it is briefly zoomed
   * out until every node is drawn, then put back.
   */
  canvas: { getViewport(): Viewport; setViewport(viewport: Viewport): void };
  /** Device pixels per CSS pixel for PNG: 2 keeps text sharp on a projector. */
  pixelRatio?: number;
}

export type CaptureErrorCode = 'export/no-canvas' | 'export/empty-map' | 'export/render-failed';

/** Why an image could not be made; the code is for logs and tests, the person sees the command's message. */
export class CaptureError extends Error {
  constructor(readonly code: CaptureErrorCode, message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** Space around the outermost nodes, in image pixels. */
const PADDING = 48;
/** The longest side of a whole-map image in CSS pixels; bigger maps are scaled down to fit (×2 for PNG). */
const MAX_SIDE = 4096;
const MIN_ZOOM = 0.1;

/** Interface parts that never belong in an exported picture. */
const EXCLUDED_CLASSES = ['mk-cursor', 'react-flow__handle', 'react-flow__resize-control', 'react-flow__nodesselection', 'react-flow__selection', 'mk-node-marker'];

function keep(el: HTMLElement): boolean {
  const list = el.classList;
  if (!list) return true;
  for (const c of EXCLUDED_CLASSES) if (list.contains(c)) return false;
  return true;
}

/** The on-screen size of each node (a body may grow past its stored size), so the frame never cuts one off. */
function measuredNodes(root: Element, nodes: readonly NodeRecord[]) {
  return nodes.map((n) => {
    const el = root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(n.id)}"]`);
    const width = Math.max(n.width, el?.offsetWidth ?? 0);
    const height = Math.max(n.height, el?.offsetHeight ?? 0);
    return { id: n.id, position: { x: n.x, y: n.y }, width, height, data: {} };
  });
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits frame by frame until `ready` holds (or the time is up: then the picture shows what is drawn). */
async function until(ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ready() && performance.now() < deadline) await nextFrame();
}

function allDrawn(root: Element, nodes: readonly NodeRecord[]): boolean {
  const drawn = new Set<string>();
  for (const el of root.querySelectorAll('.react-flow__node[data-id]')) drawn.add(el.getAttribute('data-id') ?? '');
  return nodes.every((n) => drawn.has(n.id));
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 0.001;
}

/**
 * Makes sure every node is in the DOM (the canvas skips what is out of view): if some are missing, zooms out to
 * show them all and returns how to go back; otherwise returns nothing to undo.
 */
async function drawEverything(flow: HTMLElement, viewportEl: HTMLElement, options: CaptureOptions): Promise<(() => void) | null> {
  if (allDrawn(viewportEl, options.nodes)) return null;
  const before = options.canvas.getViewport();
  const bounds = getNodesBounds(options.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, width: n.width, height: n.height, data: {} })));
  const fit = getViewportForBounds(bounds, flow.clientWidth, flow.clientHeight, 0.1, 1, 0.05);
  options.canvas.setViewport(fit);
  await until(() => sameViewport(options.canvas.getViewport(), fit) && allDrawn(viewportEl, options.nodes), 3000);
  // One more frame: edges are laid out after the nodes they connect have been measured.
  await nextFrame();
  await nextFrame();
  return () => options.canvas.setViewport(before);
}

/** Size and transform of the picture: React Flow's documented recipe (bounds → viewport for those bounds). */
export function imageFrame(bounds: Rect): { width: number; height: number; viewport: Viewport } {
  const zoom = Math.max(MIN_ZOOM, Math.min(1, (MAX_SIDE - 2 * PADDING) / Math.max(bounds.width, 1), (MAX_SIDE - 2 * PADDING) / Math.max(bounds.height, 1)));
  const width = Math.ceil(bounds.width * zoom + 2 * PADDING);
  const height = Math.ceil(bounds.height * zoom + 2 * PADDING);
  return { width, height, viewport: getViewportForBounds(bounds, width, height, zoom, zoom, 0) };
}

/**
 * Draws the map (nodes and edges, no minimap, controls, cursors, handles or selection) on white, with
 * html-to-image over React Flow's viewport element.
 */
export async function captureMap(options: CaptureOptions): Promise<Blob> {
  const canvas = document.querySelector<HTMLElement>('.mk-canvas');
  const flow = canvas?.querySelector<HTMLElement>('.react-flow');
  const viewportEl = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!canvas || !flow || !viewportEl) throw new CaptureError('export/no-canvas', 'the map canvas is not shown');

  let frame: { width: number; height: number; viewport: Viewport };
  let restore: (() => void) | null = null;
  if (options.area === 'map' && options.nodes.length === 0) throw new CaptureError('export/empty-map', 'the map has no nodes');
  // Zoomed out, the canvas draws plain boxes and lines; the picture gets full cards with labels and real edges.
  const releaseDetail = forceFullDetail();
  try {
    // Below TINY_ZOOM the map is one canvas beside the viewport and the cards are not displayed: wait for both to go.
    await until(() => !flow.querySelector('.mk-far-card, .mk-far-edges, .mk-tiny-canvas'), 3000);
    if (options.area === 'view') {
      frame = { width: flow.clientWidth, height: flow.clientHeight, viewport: options.canvas.getViewport() };
    } else {
      restore = await drawEverything(flow, viewportEl, options);
      frame = imageFrame(getNodesBounds(measuredNodes(viewportEl, options.nodes)));
    }
    // Edges are laid out after the cards they connect have been measured.
    await nextFrame();
    await nextFrame();
  } catch (err) {
    releaseDetail();
    restore?.();
    throw err;
  }
  const { width, height, viewport } = frame;
  const renderOptions = {
    backgroundColor: '#ffffff',
    width,
    height,
    // Fonts are the system's: embedding them would fetch stylesheets and add nothing.
    skipFonts: true,
    filter: keep,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
  };
  // Selection, focus and dimming are how this person is working, not part of the map: neutral while drawing.
  // The drawing library loads with the first picture: most people on a map never export one.
  const { toBlob, toSvg } = await import('html-to-image');
  canvas.classList.add('mk-exporting');
  try {
    if (options.format === 'svg') {
      const dataUrl = await toSvg(viewportEl, renderOptions);
      const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
      // The background colour sits on the moved viewport element; a rectangle under it makes the whole picture white.
      const open = svg.indexOf('>') + 1;
      return new Blob([`${svg.slice(0, open)}<rect width="100%" height="100%" fill="#ffffff"/>${svg.slice(open)}`], { type: 'image/svg+xml' });
    }
    const blob = await toBlob(viewportEl, { ...renderOptions, pixelRatio: options.pixelRatio ?? 2 });
    if (!blob || blob.size === 0) throw new CaptureError('export/render-failed', 'the browser produced no image');
    return blob;
  } catch (err) {
    if (err instanceof CaptureError) throw err;
    throw new CaptureError('export/render-failed', err instanceof Error ? err.message : 'the browser could not draw the map');
  } finally {
    canvas.classList.remove('mk-exporting');
    releaseDetail();
    restore?.();
  }
}

/** The whole map as PNG bytes, for the plan's appendix; undefined when there is nothing (or no canvas) to draw. */
export async function captureMapPng(nodes: readonly NodeRecord[], canvas: CaptureOptions['canvas']): Promise<Uint8Array | undefined> {
  try {
    const blob = await captureMap({ format: 'png', area: 'map', nodes, canvas });
    return new Uint8Array(await blob.arrayBuffer());
  } catch (err) {
    if (err instanceof CaptureError && err.code !== 'export/render-failed') return undefined;
    throw err;
  }
}
