/**
 * A real redis-server (Debian's package) for tests: its own instance on a free 127.0.0.1 port,
 * no persistence, stopped by PID. `restart()` keeps the port, as a crashed and restarted Redis
 * would; `pause()`/`resume()` (SIGSTOP/SIGCONT) make a Redis that accepts but never answers.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

export interface RedisServer {
  port: number;
  /** `redis-server --version`'s `v=` field, e.g. `7.0.15`. */
  version: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  pause(): void;
  resume(): void;
}

/** The installed redis-server's version, or undefined when it is not on PATH. */
export function redisServerVersion(): string | undefined {
  const out = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (out.error || out.status !== 0) return undefined;
  return /v=(\S+)/.exec(out.stdout)?.[1] ?? "unknown";
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      output.push(line);
      if (line.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output.join("\n")}`)));
  });
  child.stdout?.resume();
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGCONT");
  child.kill("SIGTERM");
  await exited;
}

/**
 * Starts redis-server on a free port and waits until it accepts connections.
 *
 * @example
 * const redis = await startRedisServer();
 * afterAll(() => redis.stop());
 */
export async function startRedisServer(): Promise<RedisServer> {
  const version = redisServerVersion();
  if (version === undefined) throw new Error("redis-server is not installed");
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 0; child === undefined; attempt++) {
    port = await freePort();
    // Another process may take the port between the probe and redis-server's bind: try again.
    child = await launch(port).catch((error: unknown) => {
      if (attempt >= 3) throw error;
      return undefined;
    });
  }
  let current: ChildProcess = child;
  const killOnExit = () => current.kill("SIGKILL");
  process.once("exit", killOnExit);
  return {
    port,
    version,
    stop: async () => {
      process.off("exit", killOnExit);
      await kill(current);
    },
    restart: async () => {
      await kill(current);
      current = await launch(port);
    },
    pause: () => current.kill("SIGSTOP"),
    resume: () => current.kill("SIGCONT"),
  };
}
