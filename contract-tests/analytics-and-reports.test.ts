// Contract tests for the vendor tag "analytics-and-reports": one test per operation and documented status,
// generated from openapi.yaml by the shared runner (./support/runner.ts).
import { contractSuite } from "./support/runner.js";

contractSuite("analytics-and-reports");
