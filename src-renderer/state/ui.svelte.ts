/**
 * What the interface shows around the replay, and nothing the host keeps: whether the
 * lesson's text is open, whether files are being dragged over the window, and the question
 * the app is asking before it replaces the code in the editor.
 */

import type { Lens } from '../replay/lens.ts';

/** What the user answered when asked whether their edited code may be replaced. */
export type ReplaceAnswer = 'save' | 'discard' | 'cancel';

/** The views that share the place under the code. */
export type Dock = 'console' | 'frames';

export interface ReplaceQuestion {
  /** What would replace the code: a file name, a lesson's or a scenario's title. */
  replacement: string;
  answer(choice: ReplaceAnswer): void;
}

/** Wide enough for the lesson's text beside the code and the loop, at first. */
function wideWindow(): boolean {
  return typeof innerWidth !== 'number' || innerWidth >= 1400;
}

export class UiState {
  /**
   * Whether the lesson's text is shown, for each mode separately: at a desk it helps to read
   * along; in front of a class the room is for the loop unless the teacher opens it.
   */
  lessonOpen = $state({ normal: wideWindow(), presentation: false });
  /** True while files are dragged over the window. */
  dragging = $state(false);
  question = $state.raw<ReplaceQuestion | null>(null);
  /**
   * The step granularity chosen for each mode: in front of a class a step is what the code
   * does; at a desk, at first, what the loop does.
   */
  lens = $state<{ normal: Lens; presentation: Lens }>({ normal: 'loop', presentation: 'code' });

  /**
   * What the column under the code shows: the console, or the frames and variables of the
   * task on show. The console at first: it is what every program has.
   */
  dock = $state<Dock>('console');

  /** Nested dragenter and dragleave events of the window's children, counted. */
  private dragDepth = 0;

  isLessonOpen(presentation: boolean): boolean {
    return presentation ? this.lessonOpen.presentation : this.lessonOpen.normal;
  }

  toggleLesson(presentation: boolean): void {
    const key = presentation ? 'presentation' : 'normal';
    this.lessonOpen = { ...this.lessonOpen, [key]: !this.lessonOpen[key] };
  }

  lensFor(presentation: boolean): Lens {
    return presentation ? this.lens.presentation : this.lens.normal;
  }

  chooseLens(presentation: boolean, lens: Lens): void {
    this.lens = { ...this.lens, [presentation ? 'presentation' : 'normal']: lens };
  }

  /** Asks whether the edited code may be replaced by `replacement`; one question at a time. */
  askReplace(replacement: string): Promise<ReplaceAnswer> {
    this.question?.answer('cancel');
    return new Promise((resolve) => {
      const question: ReplaceQuestion = {
        replacement,
        answer: (choice) => {
          if (this.question === question) this.question = null;
          resolve(choice);
        },
      };
      this.question = question;
    });
  }

  dragEnter(): void {
    this.dragDepth++;
    this.dragging = true;
  }

  dragLeave(): void {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  }

  dragEnd(): void {
    this.dragDepth = 0;
    this.dragging = false;
  }
}
