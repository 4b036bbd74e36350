/**
 * Easy-read's "one question per screen" (contract §2): which of a form's steps is on screen, and
 * moving between them. Off (every question shown) unless the host is in easy-read mode and the form
 * has more than one step. A step none of whose fields is asked now (feedback's reply details once the
 * person chose to stay anonymous) is skipped and not counted. FormController owns one; checking
 * answers and focus stay there.
 */
export class FormSteps {
  #current = 0;

  readonly #steps: readonly (readonly string[])[];
  readonly #easyRead: () => boolean;
  readonly #asked: (field: string) => boolean;

  constructor(steps: readonly (readonly string[])[], easyRead: () => boolean, asked: (field: string) => boolean = () => true) {
    this.#steps = steps;
    this.#easyRead = easyRead;
    this.#asked = asked;
  }

  /** Index of the step on screen. */
  get current(): number {
    return this.#current;
  }

  /** Back to the first step (a reset, or easy-read switched off). */
  restart(): void {
    this.#current = 0;
  }

  /** Whether the form is split into steps now. */
  get on(): boolean {
    return this.#easyRead() && this.#steps.length > 1;
  }

  /** Indexes of the steps asked now, in order. */
  #live(): number[] {
    return this.#steps.flatMap((step, i) => (step.some(this.#asked) ? [i] : []));
  }

  /** How many questions there are now ("Question 2 of {count}"). */
  get count(): number {
    return this.#live().length;
  }

  /** Which question this is, counting from 1. */
  get number(): number {
    return this.#live().filter((i) => i <= this.#current).length;
  }

  get isLast(): boolean {
    return !this.on || !this.#live().some((i) => i > this.#current);
  }

  /** Whether a field is on screen (always, unless the form is split into steps). */
  shows(field: string): boolean {
    return !this.on || (this.#steps[this.#current] ?? []).includes(field);
  }

  /** The field whose question heads the step on screen ("What is your name?"), if split. */
  leads(field: string): boolean {
    return this.on && this.#steps[this.#current]?.[0] === field;
  }

  forward(): void {
    this.#current = this.#live().find((i) => i > this.#current) ?? this.#current;
  }

  backward(): void {
    this.#current = this.#live().filter((i) => i < this.#current).pop() ?? 0;
  }

  /** Goes to the first step holding one of these fields (after a failed send, the first problem). */
  showFirst(fields: string[]): void {
    const first = this.#steps.findIndex((step) => fields.some((f) => step.includes(f)));
    if (this.on && first !== -1) this.#current = first;
  }
}
