/**
 * `npm run size`: the client entry's min+gz size against its budget, failing over it (like
 * size-limit, with the esbuild the project already has). Needs dist/ (scripts/size builds it).
 * Prints `size: createAltegioClient 5.43 kB min+gz (min 16.1 kB), budget 8 kB`.
 */
import { CLIENT_BUDGET_BYTES, measureBundleSize } from "./bundle-size.js";

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const { minBytes, minGzipBytes } = await measureBundleSize("dist/src/index.js");
const line = `createAltegioClient ${kB(minGzipBytes)} min+gz (min ${kB(minBytes)}), budget ${kB(CLIENT_BUDGET_BYTES)}`;
if (minGzipBytes > CLIENT_BUDGET_BYTES) {
  console.error(`size: over budget by ${minGzipBytes - CLIENT_BUDGET_BYTES} bytes: ${line}`);
  process.exit(1);
}
console.log(`size: ${line}`);
