/// <reference lib="webworker" />
// Parses a basemap detail's TopoJSON and projects its shapes off the main thread: for the 1:50m
// set that took ~150 ms on the page, in the middle of the zoom that needed it.
import { atlasShapes, shapeBuffers, type Atlas } from './basemap-shapes';

self.onmessage = (message: MessageEvent<ArrayBuffer>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  try {
    const shapes = atlasShapes(JSON.parse(new TextDecoder().decode(message.data)) as Atlas);
    scope.postMessage({ ok: true, shapes }, shapeBuffers(shapes));
  } catch (error) {
    scope.postMessage({ ok: false, message: (error as Error).message });
  }
};
