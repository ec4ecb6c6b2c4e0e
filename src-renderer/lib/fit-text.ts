/**
 * A label that is fitted to its box: where its text is wider than the box (a long Russian
 * phrase, a projector's narrow column), or takes more than `lines` lines, its type is made
 * smaller, down to `smallest` of its size, so that it is read whole rather than cut by an
 * ellipsis. Only below that does its own `text-overflow` (and its tooltip) take over. The
 * label is fitted again when its text or its box changes.
 */
export function fitText(smallest = 0.7, lines = 1) {
  return (node: HTMLElement) => {
    node.dataset.fitText = '';
    const fits = () => {
      // The text's own box, to the fraction of a pixel: `scrollWidth` is rounded, and a text
      // half a pixel wider than its box is drawn with an ellipsis.
      const style = getComputedStyle(node);
      const text = document.createRange();
      text.selectNodeContents(node);
      const drawn = text.getBoundingClientRect();
      const room =
        node.getBoundingClientRect().width -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderLeftWidth) -
        parseFloat(style.borderRightWidth);
      if (node.scrollWidth > node.clientWidth || drawn.width > room + 0.01) return false;
      if (lines <= 1) return true;
      // Its lines counted, not measured: a line's glyphs (a bold Cyrillic phrase's) may stand
      // taller than its line-height, and two whole lines would count as more.
      const tops = new Set([...text.getClientRects()].map((row) => Math.round(row.top)));
      return tops.size <= lines;
    };
    const fit = () => {
      node.style.removeProperty('font-size');
      if (node.clientWidth === 0 || fits()) return;
      const base = parseFloat(getComputedStyle(node).fontSize);
      let low = smallest;
      let high = 1;
      for (let i = 0; i < 6; i++) {
        const middle = (low + high) / 2;
        node.style.fontSize = `${base * middle}px`;
        if (fits()) low = middle;
        else high = middle;
      }
      node.style.fontSize = `${base * low}px`;
    };
    // Its own type changes its width where the box follows the text: only a new box refits.
    const box = () => `${node.clientWidth} ${node.parentElement?.clientWidth ?? 0}`;
    fit();
    let last = box();
    const refit = () => {
      fit();
      last = box();
    };
    const resized = new ResizeObserver(() => {
      if (box() !== last) refit();
    });
    resized.observe(node);
    if (node.parentElement) resized.observe(node.parentElement);
    const changed = new MutationObserver(refit);
    changed.observe(node, { characterData: true, childList: true, subtree: true });
    // The page's type (the zoom, presentation) changes the label's size in pixels.
    const root = new MutationObserver(refit);
    root.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-presentation', 'style', 'lang'],
    });
    return () => {
      resized.disconnect();
      changed.disconnect();
      root.disconnect();
    };
  };
}
