// Contract tests for the vendor tag "products": one test per operation and documented status,
// generated from openapi.yaml by the shared runner (./support/runner.ts).
import { contractSuite } from "./support/runner.js";

contractSuite("products");
