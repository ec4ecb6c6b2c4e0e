/**
 * What the layout audit checks on the page as it is drawn, as one function that runs in the
 * page (`page.evaluate`): it must not close over anything, so everything it needs is inside
 * it or passed in. It returns one line per problem found, empty when the layout is readable.
 */

/** A view's smallest readable size, in rem of the page (which follow the zoom and presentation). */
export interface Minimum {
  view: string;
  width: number;
  height: number;
  /** Its size in front of a class, where that layout gives it another shape. */
  presentationWidth?: number;
  presentationHeight?: number;
}

export interface AuditOptions {
  minimums: readonly Minimum[];
  /** Pixels an element may overflow by before its text counts as clipped (rounding). */
  tolerance: number;
  /**
   * Whether every view must fit the window without scrolling the page: at zoom 100 % a
   * classroom screen shows everything at once; a larger zoom may scroll.
   */
  fitsScreen: boolean;
}

/**
 * The minimum sizes that keep each view readable. A view that is absent in a layout (the
 * timeline in presentation, the lesson's text when closed) is not checked.
 */
export const MINIMUMS: readonly Minimum[] = [
  { view: 'narration', width: 18, height: 2.5 },
  { view: 'header', width: 16, height: 1.6 },
  { view: 'code', width: 15, height: 8 },
  { view: 'console', width: 14, height: 4.5 },
  { view: 'ready-queue', width: 18, height: 6 },
  // In front of a class the timers are a column as wide as the dial, its list under it.
  { view: 'timer-wheel', width: 14, height: 9, presentationWidth: 9 },
  { view: 'tasks', width: 11, height: 7 },
  // In front of a class the state diagram is its strip alone, one line where it is wide.
  { view: 'state-machine', width: 8, height: 1.5, presentationHeight: 1.2 },
  { view: 'lanes', width: 18, height: 4 },
  { view: 'controls', width: 30, height: 2.5 },
  { view: 'lesson', width: 12, height: 8 },
];

export function auditLayout({ minimums, tolerance, fitsScreen }: AuditOptions): string[] {
  const problems: string[] = [];
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

  const describe = (element: Element): string => {
    const view = element.closest('[data-view]')?.getAttribute('data-view') ?? 'page';
    const control = element.getAttribute('data-control');
    const classes = [...element.classList].filter((c) => !c.startsWith('svelte-')).join('.');
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${view} ${element.tagName.toLowerCase()}${control ? `[${control}]` : ''}${classes ? `.${classes}` : ''} "${text}"`;
  };

  /** Drawn: it has a box, and nothing hides it (a closed menu, `display: none`, a hidden ancestor). */
  const shown = (element: Element): boolean => {
    if (!element.isConnected) return false;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    if (element.closest('[popover]:not(:popover-open)')) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  /** Visually hidden on purpose (a screen reader's text): 1 px, clipped. */
  const screenReaderOnly = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    return box.width <= 1 && box.height <= 1;
  };

  const presentation = document.documentElement.dataset.presentation === 'true';
  /**
   * Its text ends in an ellipsis on purpose, and its tooltip says it whole; in front of a
   * class, never where the state diagram says where a task can go next.
   */
  const truncatedWithTooltip = (element: Element): boolean => {
    const text = (element.textContent ?? '').trim();
    if (presentation && element.closest('[data-view=state-machine]')) return false;
    if (getComputedStyle(element).textOverflow !== 'ellipsis') return false;
    const title = element.closest('[title]')?.getAttribute('title') ?? '';
    return text !== '' && title.includes(text);
  };

  // 1. Text clipped in an element that is not meant to scroll.
  for (const element of document.querySelectorAll('body *')) {
    if (element instanceof SVGElement || !shown(element) || screenReaderOnly(element)) continue;
    const inEditor = element.closest('.cm-editor');
    if (inEditor && !element.classList.contains('cm-scroller')) continue;
    const style = getComputedStyle(element);
    const clipsX = style.overflowX !== 'visible';
    const clipsY = style.overflowY !== 'visible';
    if (!clipsX && !clipsY) continue;
    // The editor scrolls down a long program; its lines wrap, so it never scrolls sideways;
    // nor does a list marked `data-scrollable="y"` (cards, the heap): what is wider is cut.
    const scrollable = element.getAttribute('data-scrollable');
    const scrollsY = scrollable !== null || element.classList.contains('cm-scroller');
    const scrollsX = scrollable !== null && scrollable !== 'y';
    const overX = clipsX && !scrollsX && element.scrollWidth > element.clientWidth + tolerance;
    const overY = clipsY && !scrollsY && element.scrollHeight > element.clientHeight + tolerance;
    if ((overX || overY) && !truncatedWithTooltip(element)) {
      const by = overX
        ? `${element.scrollWidth - element.clientWidth}px wide`
        : `${element.scrollHeight - element.clientHeight}px tall`;
      problems.push(`clipped (${by}): ${describe(element)}`);
    }
  }

  // A drop-down's chosen text: whole, or ellipsized with its tooltip saying it whole.
  const canvas = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll('select')) {
    if (!shown(select) || !canvas) continue;
    const style = getComputedStyle(select);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.selectedOptions[0]?.textContent ?? '';
    const room =
      select.clientWidth -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      parseFloat(style.fontSize) * 1.2;
    if (canvas.measureText(text).width > room + tolerance && !(select.title ?? '').includes(text)) {
      problems.push(`clipped drop-down without its tooltip: ${describe(select)} "${text}"`);
    }
  }

  // 2. Labels that overlap, in the dial, the heap's list, the cards, the lanes and the queue.
  const overlapping = (a: DOMRect, b: DOMRect) =>
    a.left < b.right - tolerance &&
    b.left < a.right - tolerance &&
    a.top < b.bottom - tolerance &&
    b.top < a.bottom - tolerance;
  const apart = (where: string, selector: string) => {
    const boxes = [...document.querySelectorAll(selector)]
      .filter((element) => shown(element) && (element.textContent ?? '').trim() !== '')
      .map((element) => ({ element, box: element.getBoundingClientRect() }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (overlapping(a.box, b.box)) {
          problems.push(`overlap in ${where}: ${describe(a.element)} and ${describe(b.element)}`);
        }
      }
    }
  };
  apart(
    'the dial',
    '[data-view=timer-wheel] svg .tick-label, [data-view=timer-wheel] svg .timer .name, [data-view=timer-wheel] svg .timer .index, [data-view=timer-wheel] svg .now, [data-view=timer-wheel] svg .idle',
  );
  // A numbered marker's disc covers no other's: a stack of timers whose numbers hide each
  // other cannot be read (and the dial draws a crowd of dots where they do not fit).
  const discs = [...document.querySelectorAll('[data-view=timer-wheel] svg g.timer')]
    .filter((marker) => shown(marker) && Number(getComputedStyle(marker).opacity) > 0)
    .map((marker) => ({ marker, box: marker.querySelector('circle')?.getBoundingClientRect() }))
    .filter((disc) => disc.box !== undefined && disc.box.width > 0);
  for (const [i, a] of discs.entries()) {
    for (const b of discs.slice(i + 1)) {
      if (!a.box || !b.box) continue;
      const dx = a.box.left + a.box.width / 2 - (b.box.left + b.box.width / 2);
      const dy = a.box.top + a.box.height / 2 - (b.box.top + b.box.height / 2);
      if (Math.hypot(dx, dy) < (a.box.width + b.box.width) / 2 - tolerance) {
        problems.push(
          `overlap in the dial's markers: ${a.marker.getAttribute('data-heap-index')} and ${b.marker.getAttribute('data-heap-index')}`,
        );
      }
    }
  }
  apart('the heap list', '[data-view=timer-wheel] .heap li');
  apart('the cards', '[data-view=tasks] [data-task-id]');
  apart('the lanes', '[data-view=lanes] svg text');
  // A lane's name keeps to its column: it is not written over the lane's own bars.
  for (const lane of document.querySelectorAll('[data-view=lanes] g.lane')) {
    const name = lane.querySelector('text.name');
    if (!name || !shown(name)) continue;
    const box = name.getBoundingClientRect();
    if (
      [...lane.querySelectorAll('.segments rect')].some((bar) =>
        overlapping(box, bar.getBoundingClientRect()),
      )
    ) {
      problems.push(`a lane's name over its bars: ${describe(name)}`);
    }
  }
  apart(
    'the ready queue',
    '[data-view=ready-queue] .chip, [data-view=ready-queue] .end, [data-view=ready-queue] .slot-title',
  );
  apart(
    'the state diagram',
    '[data-view=state-machine] .state, [data-view=state-machine] svg text',
  );
  for (const card of document.querySelectorAll('[data-view=tasks] [data-task-id]')) {
    if (shown(card))
      apart(
        `the card ${card.getAttribute('data-task-name')}`,
        `[data-task-id="${card.getAttribute('data-task-id')}"] .top > *`,
      );
  }
  // A dial's label lies inside the dial's box, and a diagram's label inside its node.
  for (const dial of document.querySelectorAll('[data-view=timer-wheel] .dial')) {
    const frame = dial.getBoundingClientRect();
    for (const label of dial.querySelectorAll('text')) {
      const box = label.getBoundingClientRect();
      if (box.width === 0 || (label.textContent ?? '') === '') continue;
      if (
        box.left < frame.left - tolerance ||
        box.right > frame.right + tolerance ||
        box.top < frame.top - tolerance ||
        box.bottom > frame.bottom + tolerance
      ) {
        problems.push(`outside the dial: ${describe(label)}`);
      }
    }
  }
  // A dial with room for a scale carries one, unless no time passes: four ticks at least on a
  // large dial, three (the unit written once, at 0) on one a few lines of type across.
  for (const dial of document.querySelectorAll('[data-view=timer-wheel] .dial svg')) {
    const radius = Number(dial.querySelector('circle.face')?.getAttribute('r') ?? 0);
    const type = parseFloat(getComputedStyle(dial).fontSize);
    const ticks = dial.querySelectorAll('.tick-label').length;
    const idle = dial.getAttribute('data-idle') === 'true';
    const wanted = radius > 6 * type ? 4 : radius > 4.5 * type ? 3 : 0;
    if (shown(dial) && ticks < wanted && !idle) {
      problems.push(
        `the dial has room for a scale but shows ${ticks} ticks (radius ${Math.round(radius)} px)`,
      );
    }
  }
  // The running line is in the code's view: its first row at least.
  for (const scroller of document.querySelectorAll('[data-view=code] .cm-scroller')) {
    const current = scroller.querySelector('[data-line-mark=current]');
    if (!shown(scroller) || !current) continue;
    const view = scroller.getBoundingClientRect();
    const line = current.getBoundingClientRect();
    const row = Math.min(
      line.height,
      parseFloat(getComputedStyle(current).lineHeight) || line.height,
    );
    if (line.top < view.top - tolerance || line.top + row > view.bottom + tolerance) {
      problems.push(`the running line is out of the code's view: ${describe(current)}`);
    }
  }
  // The clock's reading is in the dial's face, or beside it where the face has no room.
  for (const timers of document.querySelectorAll('[data-view=timer-wheel]')) {
    const reading = timers.querySelector('svg text.now, [data-field=dial-now]');
    if (shown(timers) && (!reading || !shown(reading))) {
      problems.push('the timers do not say the clock’s reading');
    }
  }
  for (const node of document.querySelectorAll('[data-view=state-machine] svg g.node')) {
    const rect = node.querySelector('rect')?.getBoundingClientRect();
    const text = node.querySelector('text')?.getBoundingClientRect();
    if (rect && text && text.width > rect.width + tolerance) {
      problems.push(`a state's name is wider than its node: ${describe(node)}`);
    }
  }

  // 3. Every control has a name, and an icon or a label one can see.
  const nameOf = (element: Element): string => {
    const labelled = element.getAttribute('aria-labelledby');
    if (labelled) {
      return labelled
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    const label = element.getAttribute('aria-label')?.trim();
    if (label) return label;
    if (element instanceof HTMLSelectElement || element instanceof HTMLInputElement) {
      const own = [...(element.labels ?? [])]
        .map((l) => l.textContent ?? '')
        .join(' ')
        .trim();
      if (own) return own;
    }
    return (element.textContent ?? '').trim() || (element.getAttribute('title') ?? '').trim();
  };
  const visibleText = (element: Element): boolean => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 2 && box.height > 2) return true;
    }
    return false;
  };
  const visibleIcon = (element: Element): boolean =>
    [...element.querySelectorAll('svg')].some((svg) => {
      const box = svg.getBoundingClientRect();
      return box.width >= 6 && box.height >= 6;
    });
  for (const control of document.querySelectorAll(
    'button, select, input, a[href], [role=button]',
  )) {
    if (!shown(control) || (control instanceof HTMLInputElement && control.type === 'hidden'))
      continue;
    if (control.closest('.cm-editor')) continue;
    if (nameOf(control) === '') problems.push(`a control without a name: ${describe(control)}`);
    const drawn =
      control instanceof HTMLSelectElement ||
      // A slider, a checkbox and a radio button are drawn by the browser itself.
      (control instanceof HTMLInputElement &&
        ['range', 'checkbox', 'radio'].includes(control.type)) ||
      visibleIcon(control) ||
      visibleText(control);
    if (!drawn) problems.push(`a control with no visible icon or label: ${describe(control)}`);
  }

  // 4. Every view at least as large as it reads at; the page never scrolls sideways.
  for (const minimum of minimums) {
    const { view } = minimum;
    const width = (presentation ? minimum.presentationWidth : undefined) ?? minimum.width;
    const height = (presentation ? minimum.presentationHeight : undefined) ?? minimum.height;
    for (const element of document.querySelectorAll(`[data-view="${view}"]`)) {
      if (!shown(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.width < width * rem - tolerance || box.height < height * rem - tolerance) {
        problems.push(
          `${view} is ${Math.round(box.width)}×${Math.round(box.height)} px, under its minimum ${Math.round(width * rem)}×${Math.round(height * rem)}`,
        );
      }
    }
  }
  for (const view of ['state-machine', 'timer-wheel', 'tasks', 'code']) {
    const element = document.querySelector(`[data-view="${view}"]`);
    if (!element || !shown(element)) problems.push(`${view} is not on screen`);
  }
  // In front of a class the status line is one row, whatever it says: it never pushes the
  // views down by the length of a message.
  const status = document.querySelector('[data-view=status]');
  if (
    presentation &&
    status &&
    shown(status) &&
    status.getBoundingClientRect().height > 2 * rem + tolerance
  ) {
    problems.push(
      `the status line takes ${Math.round(status.getBoundingClientRect().height)} px in presentation, more than one row (${Math.round(2 * rem)} px)`,
    );
  }
  const main = document.querySelector('main');
  if (fitsScreen && main && main.scrollHeight > main.clientHeight + tolerance) {
    problems.push(
      `the views need ${main.scrollHeight - main.clientHeight} px more than the window has`,
    );
  }
  if (document.documentElement.scrollWidth > innerWidth + tolerance) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
  }
  return problems;
}
