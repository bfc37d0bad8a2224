// Contract tests for the vendor tag "users-and-permissions": one test per operation and documented status,
// generated from openapi.yaml by the shared runner (./support/runner.ts).
import { contractSuite } from "./support/runner.js";

contractSuite("users-and-permissions");
