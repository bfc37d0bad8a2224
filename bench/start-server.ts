import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A bench server child process (bench/server.ts) and its base URL. */
export interface BenchServer {
  origin: string;
  baseUrl: string;
  stats(): Promise<{ requests: number; tooMany: number }>;
  stop(): void;
}

/**
 * Starts bench/server.ts in a child process and waits for its port.
 *
 * @example
 * const server = await startBenchServer(["--limit"]);
 */
export async function startBenchServer(args: string[] = []): Promise<BenchServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/server.ts", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/v1`,
    stats: async () =>
      (await (await fetch(`${origin}/stats`)).json()) as { requests: number; tooMany: number },
    stop: () => child.kill("SIGTERM"),
  };
}
