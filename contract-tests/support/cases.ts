/** The (operation, documented status) pairs the contract suite turns into tests. */
import type { Operation, Spec } from "./spec.js";

export interface Case {
  op: Operation;
  status: number;
  /**
   * The lowest documented 2xx that holds for every caller (no `x-altegio-when`): the one a target
   * answers without being asked. POST /auth's 200 (2FA accounts only) is not; its 201 is.
   */
  isDefaultSuccess: boolean;
  name: string;
}

export function statusesOf(op: Operation): number[] {
  return op.responses
    .map((r) => r.status)
    .filter((s) => /^\d{3}$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
}

export function casesFor(op: Operation): Case[] {
  const statuses = statusesOf(op);
  const conditional = new Set(op.responses.filter((r) => r.when !== undefined).map((r) => Number(r.status)));
  const success = statuses.filter((s) => s >= 200 && s < 300);
  const firstSuccess = success.find((s) => !conditional.has(s)) ?? success[0];
  return statuses.map((status) => ({
    op,
    status,
    isDefaultSuccess: status === firstSuccess,
    name: `${op.id} ${op.method.toUpperCase()} ${op.path} → ${status}`,
  }));
}

export function allCases(spec: Spec): Case[] {
  return spec.operations.flatMap(casesFor);
}

export function tagsOf(spec: Spec): string[] {
  return [...new Set(spec.operations.map((o) => o.tag))].sort();
}
