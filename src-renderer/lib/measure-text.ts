/**
 * Text widths in a given type, measured on a canvas (no layout, no DOM): the d3 views place
 * their labels by them, so that no label is drawn over another.
 */
export type TextWidth = (text: string) => number;

/** A measurer for one CSS font (`12px DejaVu Sans`); each text is measured once. */
export function createTextWidth(font: string): TextWidth {
  const context = document.createElement('canvas').getContext('2d');
  // Without a canvas (never in a browser), an average character is a little over half an em.
  const size = parseFloat(font) || 12;
  if (!context) return (text) => text.length * size * 0.58;
  context.font = font;
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      widths.set(text, width);
    }
    return width;
  };
}
