#!/usr/bin/env node
/**
 * The `altegio-b2b` executable. Ctrl-C aborts the run, which still prints and writes what it
 * checked; a second Ctrl-C exits at once.
 */
import { main } from "./cli.js";

const controller = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write("\naltegio-b2b: interrupted, writing what was checked (Ctrl-C again to quit now)\n");
  controller.abort();
  process.once("SIGINT", () => process.exit(130));
});

main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `altegio-b2b: ${error instanceof Error ? error.name : "error"}: unexpected failure\n`,
    );
    process.exitCode = 2;
  },
);
