// Contract tests for the tag "online-booking" (the public booking API: not in Altegio's index;
// operations integrations call, typed from the YCLIENTS blueprint, scripts/lib/spec/evidence-operations.ts):
// one test per operation and documented status, generated from openapi.yaml by the shared runner.
import { contractSuite } from "./support/runner.js";

contractSuite("online-booking");
