/**
 * Easy-read's "one question per screen" (contract §2): which of a form's steps is on screen, and
 * moving between them. Off (every question shown) unless the host is in easy-read mode and the form
 * has more than one step. FormController owns one; checking answers and focus stay there.
 */
export class FormSteps {
  /** Index of the step on screen. */
  current = 0;

  constructor(
    private readonly steps: readonly (readonly string[])[],
    private readonly easyRead: () => boolean,
  ) {}

  /** Whether the form is split into steps now. */
  get on(): boolean {
    return this.easyRead() && this.steps.length > 1;
  }

  get count(): number {
    return this.steps.length;
  }

  get isLast(): boolean {
    return !this.on || this.current >= this.steps.length - 1;
  }

  /** Whether a field is on screen (always, unless the form is split into steps). */
  shows(field: string): boolean {
    return !this.on || (this.steps[this.current] ?? []).includes(field);
  }

  forward(): void {
    this.current = Math.min(this.current + 1, this.steps.length - 1);
  }

  backward(): void {
    this.current = Math.max(0, this.current - 1);
  }

  /** Goes to the first step holding one of these fields (after a failed send, the first problem). */
  showFirst(fields: string[]): void {
    const first = this.steps.findIndex((step) => fields.some((f) => step.includes(f)));
    if (this.on && first !== -1) this.current = first;
  }
}
