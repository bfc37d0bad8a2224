import { AltegioError } from "./altegio-error.js";

/**
 * Bad input, refused before any network I/O. `option` names the option at fault; the
 * message never repeats the value (it may be a token).
 *
 * @example
 * createAltegioClient({ partnerToken: "" }); // throws AltegioConfigError: partnerToken: …
 */
export class AltegioConfigError extends AltegioError {
  override name = "AltegioConfigError";
  /** The option at fault, e.g. `partnerToken`, `retry.retries`. */
  readonly option: string;
  constructor(option: string, problem: string) {
    super(`${option}: ${problem}`);
    this.option = option;
  }
}
