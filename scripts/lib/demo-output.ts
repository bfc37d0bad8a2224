/**
 * Output of the `npm start` demo: numbered steps with ✓/✗, and a last line of defence that
 * replaces every known secret (tokens, password) with [REDACTED] before anything is printed.
 */

const secrets = new Set<string>();

/** Register a value that must never be printed. */
export function secret(value: string): string {
  if (value.length >= 4) secrets.add(value);
  return value;
}

/** Replace registered secrets in a line. */
export function redact(line: string): string {
  let out = line;
  for (const s of secrets) out = out.split(s).join("[REDACTED]");
  return out;
}

let muted = false;

/** After Ctrl-C: the step in flight fails as Prism goes away; that noise is not a result. */
export function mute(): void {
  muted = true;
}

export function say(line = "", options: { evenIfMuted?: boolean } = {}): void {
  if (muted && !options.evenIfMuted) return;
  process.stdout.write(`${redact(line)}\n`);
}

/** A step that failed; the demo stops at the first one. */
export class StepFailed extends Error {
  override readonly name = "StepFailed";
}

let counter = 0;

/**
 * Run one demo step: print its title, then the lines `show` makes from its result (✓), or the
 * error (✗) and throw StepFailed.
 *
 * @example
 * const location = await step("Read the location", () => getLocation(), (l) => [`title: ${l.title}`]);
 */
export async function step<T>(
  title: string,
  run: () => Promise<T>,
  show: (value: T) => string[],
): Promise<T> {
  counter += 1;
  say(`\n${counter}. ${title}`);
  const started = performance.now();
  let value: T;
  try {
    value = await run();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    say(`   ✗ ${message}`);
    throw new StepFailed(`step ${counter} (${title}) failed`, { cause: error });
  }
  for (const line of show(value)) say(`   ${line}`);
  say(`   ✓ ${Math.round(performance.now() - started)} ms`);
  return value;
}
