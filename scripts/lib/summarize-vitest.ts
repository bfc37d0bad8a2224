// Prints vitest's JSON report as one plain closing line, `tests: N passed, N failed, N skipped`,
// so a reader (or CI) sees the totals of every project in one place.
import { readFileSync } from "node:fs";

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const file = process.argv[2] ?? ".cache/vitest.json";
const report = JSON.parse(readFileSync(file, "utf8")) as VitestJsonReport;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
