/**
 * SVG frames to pixels with resvg (its WebAssembly build, which runs in Node and in the
 * browser alike). The host hands over the WebAssembly module and the font files: the command
 * line reads them from node_modules (src-engine/cli/export-assets.ts); a page fetches them.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';

export interface RasterAssets {
  /** resvg's `index_bg.wasm`: its bytes, a compiled module, or a response that fetches it. */
  wasm: BufferSource | WebAssembly.Module | Response | Promise<Response>;
  /**
   * The bundled fonts' files (DejaVu Sans and Sans Mono, regular and bold), then the emoji font
   * (TrueType, unwrapped from its WOFF by `woff.ts`): resvg falls back on any of them for a
   * character the font named lacks.
   */
  fonts: readonly Uint8Array[];
}

export interface RgbaImage {
  width: number;
  height: number;
  /** Four bytes a pixel, row by row, not premultiplied. */
  pixels: Uint8Array;
}

export interface Rasterizer {
  png(svg: string): Uint8Array;
  rgba(svg: string): RgbaImage;
}

/** resvg's WebAssembly can be set up once per realm. */
let ready: Promise<void> | null = null;

export async function createRasterizer(assets: RasterAssets): Promise<Rasterizer> {
  ready ??= initWasm(assets.wasm as Parameters<typeof initWasm>[0]);
  await ready;
  const options = {
    font: {
      fontBuffers: [...assets.fonts],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
    shapeRendering: 2 as const,
    textRendering: 1 as const,
  };
  /** Renders, and frees resvg's memory whatever happens: it lives outside JavaScript's heap. */
  const render = <T>(
    svg: string,
    read: (image: ReturnType<InstanceType<typeof Resvg>['render']>) => T,
  ): T => {
    const resvg = new Resvg(svg, options);
    try {
      const image = resvg.render();
      try {
        return read(image);
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  };
  return {
    png: (svg) => render(svg, (image) => image.asPng()),
    rgba: (svg) =>
      render(svg, (image) => ({ width: image.width, height: image.height, pixels: image.pixels })),
  };
}
