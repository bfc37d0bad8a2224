/**
 * Progress on stderr: one line rewritten in place on a terminal, one plain line per operation
 * otherwise (CI logs). Lines name operations by their path template, never by a value.
 */
import { seconds } from "./summary.js";
import type { ProgressEvent } from "./verify.js";

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export function createProgress(stream: ProgressStream): { onProgress(e: ProgressEvent): void; done(): void } {
  const tty = stream.isTTY === true;
  let waited = 0;
  let drawn = false;
  let planned: number | undefined;
  return {
    onProgress(e) {
      // Said once the location probe has answered, so a refused token stays a one-line error.
      if (e.type === "result" && planned !== undefined) {
        if (drawn) stream.write("\r\x1b[2K");
        stream.write(`verify: ${planned} operations planned\n`);
        planned = undefined;
      }
      if (e.type === "start") planned = e.total;
      else if (e.type === "wait") waited += e.ms;
      else if (e.type === "call" && tty) {
        const line = `[${e.n}/${e.total}] ${seconds(e.elapsedMs)} · limiter waits ${seconds(waited)} · ${e.operation}`;
        stream.write(`\r\x1b[2K${line.slice(0, 160)}`);
        drawn = true;
      } else if (e.type === "result" && !tty) {
        const r = e.result;
        const status = r.status === "not-checked" ? `not checked (${r.why})` : r.status;
        stream.write(
          `${e.n}/${e.total} ${seconds(e.elapsedMs)}, limiter waits ${seconds(waited)}: ${r.operation} ${status}\n`,
        );
      }
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
