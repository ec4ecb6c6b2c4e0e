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

/**
 * `text` whole where it fits `room` pixels, else its longest beginning that fits with an
 * ellipsis after it (found by halving, a few measurements however long the text). The caller
 * says the whole text elsewhere, in a tooltip.
 */
export function fitLabel(text: string, room: number, width: TextWidth): string {
  if (width(text) <= room) return text;
  const chars = [...text];
  let fits = 0;
  let over = chars.length;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (width(`${chars.slice(0, middle).join('')}…`) <= room) fits = middle;
    else over = middle;
  }
  return `${chars.slice(0, fits).join('')}…`;
}
