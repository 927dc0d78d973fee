// Progress on the terminal (stderr, so that stdout carries the report alone).

export interface Step {
  label: string;
  /** Does the work; returns what the progress line shows of it. */
  run(): Promise<string>;
}

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

/** Runs the steps in order, numbered; a step that throws is reported and the rest go on. */
export async function runSteps(
  steps: readonly Step[],
  onError: (step: Step, error: unknown) => void,
): Promise<void> {
  const started = performance.now();
  const width = String(steps.length).length;
  for (const [index, step] of steps.entries()) {
    const number = `[${String(index + 1).padStart(width)}/${String(steps.length)}]`;
    try {
      const shown = await step.run();
      console.error(`${number} ${step.label}: ${shown} (${elapsed(started)})`);
    } catch (error) {
      console.error(
        `${number} ${step.label}: FAILED: ${error instanceof Error ? error.message : String(error)}`,
      );
      onError(step, error);
    }
  }
}

export function note(line: string): void {
  console.error(`       ${line}`);
}
