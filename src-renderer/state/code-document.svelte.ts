/**
 * The code in the editor: as it came (a scenario's, a trace's) or was last saved, as the user
 * changed it, and as the trace on show ran it.
 */
export class CodeDocument {
  code = $state('');
  /** The code of the trace on show, to tell whether the editor's code has changed since. */
  traced = $state<string | null>(null);
  /** The code as it was shown or last saved: what edits are against. */
  private pristine = $state('');

  /** The user changed the code since the trace on show was made. */
  edited = $derived(this.traced !== null && this.code !== this.traced);
  /** The user changed the code and has not saved it: replacing it loses work. */
  dirty = $derived(this.code !== this.pristine);

  constructor(private readonly setDirty: (dirty: boolean) => void) {}

  /** The user typed. */
  edit(code: string): void {
    this.code = code;
    this.setDirty(this.dirty);
  }

  /** Puts code in the editor as it came: nothing to lose in it yet. */
  show(code: string): void {
    this.code = code;
    this.pristine = code;
    this.setDirty(false);
  }

  /** The code was saved as it is now. */
  saved(code: string): void {
    this.pristine = code;
    this.setDirty(this.dirty);
  }
}
