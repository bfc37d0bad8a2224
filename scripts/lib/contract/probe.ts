/**
 * Is a contract target reachable at all? Any HTTP answer (401/404 included) counts; a DNS,
 * connect or TLS failure, or no answer in 10 s, does not. Prints the cause on stdout and exits 0
 * (reachable) or 2 (unreachable). Used by scripts/test-vendor to skip loudly instead of failing
 * or, worse, reporting passes.
 */
const base = process.argv[2];
if (!base) {
  console.log("usage: probe <base-url>");
  process.exit(64);
}

function cause(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError") return "no answer within 10 s";
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

try {
  const res = await fetch(`${base.replace(/\/+$/, "")}/companies`, { signal: AbortSignal.timeout(10_000) });
  console.log(`HTTP ${res.status}`);
  process.exit(0);
} catch (e) {
  console.log(cause(e));
  process.exit(2);
}
