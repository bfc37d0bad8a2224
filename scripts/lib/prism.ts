/**
 * Start and stop a Prism mock server for tests and scripts.
 *
 * Why this file exists: `npx prism` resolves through npm (slow, and on a shared 2-core box it
 * sometimes picks a different version); a fixed port collides when several engineers run tests
 * at once; and a Prism left behind by a failed test keeps its port and a core busy. So: call
 * node_modules/.bin/prism directly, on a free 127.0.0.1 port, in its own process group, and kill
 * that group by PID on stop(), on test failure and on process exit.
 *
 * Prism is pinned to 5.14.2: 5.15+/5.16 declare `engines.node >= 24`, we support Node 20.
 *
 * @example
 * const prism = await startPrism({ dynamic: true, seed: 42 });
 * try { await fetch(`${prism.baseUrl}/companies`); } finally { await prism.stop(); }
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../../src/internal/sha256.js";
import { pruneCache } from "./prune-cache.js";

export interface StartPrismOptions {
  /** Spec path (relative to the repo root or absolute). Default: openapi.yaml. */
  spec?: string;
  /** `-d`: generate responses from the schemas instead of using the examples. */
  dynamic?: boolean;
  /** `--seed`: make dynamic generation deterministic. */
  seed?: number;
  /** `--errors`: turn response/request violations into error responses. */
  errors?: boolean;
  /** How long to wait for Prism to answer, in ms. Default 90 s (the machine is shared). */
  startTimeoutMs?: number;
}

export interface PrismHandle {
  baseUrl: string;
  pid: number;
  /** The snapshot of the spec Prism serves (see snapshotSpec). */
  specFile: string;
  stop(): Promise<void>;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const prismBin = resolve(repoRoot, "node_modules/.bin/prism");

const live = new Set<number>();
let exitHookInstalled = false;

/** Kill the whole process group (Prism forks workers); fall back to the PID alone. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const pid of live) killGroup(pid, "SIGKILL");
    live.clear();
  };
  // 'exit' handlers must be synchronous: SIGKILL whatever is still running.
  process.on("exit", killAll);
  // Ctrl-C / kill with nobody else listening: Node would die without running 'exit' handlers,
  // leaving Prism behind. Kill it, then die of the same signal. When the host has its own
  // handler (vitest, scripts/lib/demo.ts…) stay out of its way: it decides how to end, and the
  // 'exit' hook still cleans up. Prepended, so this runs before a host's `once` handler removes
  // itself, and sees it.
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return;
      killAll();
      process.off(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.prependListener(sig, onSignal);
  }
}

/** Ask the kernel for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? ok(port) : fail(new Error("could not get a free port"))));
    });
  });
}

/** Keep the last `max` characters of a stream, for error messages. */
function tail(max: number): { push(chunk: Buffer): void; text(): string } {
  let buf = "";
  return {
    push(chunk) {
      buf = (buf + chunk.toString("utf8")).slice(-max);
    },
    text: () => buf,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once("exit", () => ok());
  });
}

/**
 * Prism's CLI watches its document and restarts the server when the file changes, refusing
 * connections meanwhile; openapi.yaml is rebuilt while suites run here. Serve an immutable,
 * content-addressed copy instead, so one run sees one version of the spec.
 */
export function snapshotSpec(spec: string): string {
  const text = readFileSync(spec);
  const sha = sha256(text).slice(0, 16);
  const dir = resolve(repoRoot, ".cache/prism-spec");
  const file = resolve(dir, `${sha}-${basename(spec)}`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  pruneCache(dir, (name) => name.startsWith(sha));
  return file;
}

export function prismArgs(port: number, opts: StartPrismOptions): string[] {
  const args = ["mock", "-h", "127.0.0.1", "-p", String(port)];
  if (opts.dynamic) args.push("-d");
  if (opts.seed !== undefined) args.push("--seed", String(opts.seed));
  if (opts.errors) args.push("--errors");
  args.push(resolve(repoRoot, opts.spec ?? "openapi.yaml"));
  return args;
}

export async function startPrism(opts: StartPrismOptions = {}): Promise<PrismHandle> {
  const spec = resolve(repoRoot, opts.spec ?? "openapi.yaml");
  if (!existsSync(spec)) throw new Error(`startPrism: spec not found: ${spec}`);
  if (!existsSync(prismBin)) throw new Error(`startPrism: ${prismBin} missing (npm ci?)`);
  installExitHook();
  const specFile = snapshotSpec(spec);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(prismBin, prismArgs(port, { ...opts, spec: specFile }), {
    cwd: repoRoot,
    detached: true, // own process group, so stop() can kill Prism and its children together
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("startPrism: spawn failed (no pid)");
  live.add(pid);
  const out = tail(4000);
  child.stdout?.on("data", (c: Buffer) => out.push(c));
  child.stderr?.on("data", (c: Buffer) => out.push(c));
  // Do not keep the test runner alive just because Prism is.
  child.unref();

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(pid, "SIGTERM");
    const done = await Promise.race([exited(child).then(() => true), sleep(3000).then(() => false)]);
    if (!done) {
      killGroup(pid, "SIGKILL");
      await Promise.race([exited(child), sleep(2000)]);
    }
    live.delete(pid);
    child.stdout?.destroy();
    child.stderr?.destroy();
  };

  const timeoutMs = opts.startTimeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(pid);
      throw new Error(
        `startPrism: Prism exited (code ${child.exitCode}, signal ${child.signalCode}) before answering.\n` +
          `--- Prism output (tail) ---\n${out.text()}`,
      );
    }
    try {
      // Any HTTP answer (404 for "/" included) means the server is up.
      await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(1000) });
      return { baseUrl, pid, specFile, stop };
    } catch {
      await sleep(250);
    }
  }
  await stop();
  throw new Error(
    `startPrism: Prism did not answer on ${baseUrl} within ${timeoutMs} ms.\n` +
      `--- Prism output (tail) ---\n${out.text()}`,
  );
}
