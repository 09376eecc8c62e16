import { Emitter, type Event } from '../../../shared/plugin/Emitter';
import type { Viewport } from '../api';

/** What the canvas lends the host once mounted (implemented over React Flow's instance by the map page). */
export interface CanvasController {
  fitView(nodeIds?: string[]): void;
  getViewport(): Viewport;
  setViewport(viewport: Viewport): void;
  /** The centre of the visible area, in map coordinates. */
  getCenter(): { x: number; y: number };
  /** Moves keyboard focus onto the canvas (after closing the palette, for instance). */
  focus?(): void;
}

/** Holds the canvas controller (there may be none yet) and relays viewport changes. */
export class CanvasService {
  private controller: CanvasController | null = null;
  private viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  private readonly viewportChanged = new Emitter<Viewport>();
  /** Fires when the canvas reports a new viewport. */
  readonly onDidChangeViewport: Event<Viewport> = this.viewportChanged.event;

  /** Called by the canvas on mount (and with null on unmount). */
  setController(controller: CanvasController | null): void {
    this.controller = controller;
    if (controller) this.reportViewport(controller.getViewport());
  }

  /** Called by the canvas whenever panning or zooming ends. */
  reportViewport(viewport: Viewport): void {
    if (viewport.x === this.viewport.x && viewport.y === this.viewport.y && viewport.zoom === this.viewport.zoom) return;
    this.viewport = viewport;
    this.viewportChanged.fire(viewport);
  }

  /** Frames nodes, or everything without ids. */
  fitView(nodeIds?: string[]): void {
    this.controller?.fitView(nodeIds);
  }

  getViewport(): Viewport {
    return this.controller?.getViewport() ?? this.viewport;
  }

  setViewport(viewport: Viewport): void {
    this.controller?.setViewport(viewport);
  }

  getCenter(): { x: number; y: number } {
    return this.controller?.getCenter() ?? { x: 0, y: 0 };
  }

  /** Puts keyboard focus on the canvas. */
  focus(): void {
    this.controller?.focus?.();
  }
}
