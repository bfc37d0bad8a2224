import { isErrorKind } from "./error-kinds.js";

/**
 * Base class of every error this client throws (issue 4: one documented error model).
 *
 * Subclasses: {@link AltegioApiError} (the vendor answered, but not with success),
 * {@link AltegioNetworkError}, {@link AltegioTimeoutError}, {@link AltegioConfigError}.
 * `toJSON()` lists only the public, already-redacted fields, so `JSON.stringify(error)` is
 * safe to log.
 *
 * @example
 * try { await client.GET("/companies"); }
 * catch (error) { if (error instanceof AltegioError) console.error(error.name, error.message); }
 */
export class AltegioError extends Error {
  override name = "AltegioError";

  /**
   * `instanceof` also holds for an error of the same kind from another copy of this package
   * (the guards' rule, see error-kinds.ts), so `e instanceof AltegioNotFoundError` and
   * `isAltegioApiError(e)` never disagree. The class's own name is its kind; a bundler that
   * renames classes loses only the cross-copy half.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class asked about, often a subclass.
    return Function.prototype[Symbol.hasInstance].call(this, value) || isErrorKind(value, this.name);
  }

  /** Plain, secret-free representation (used by `JSON.stringify`). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "cause") out[key] = value;
    }
    return out;
  }
}
