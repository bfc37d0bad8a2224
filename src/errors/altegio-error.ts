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

  /** Plain, secret-free representation (used by `JSON.stringify`). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "cause") out[key] = value;
    }
    return out;
  }
}
