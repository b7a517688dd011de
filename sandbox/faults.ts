import type { ActiveFault, FaultAction, FaultMatch, FaultSpec } from './fault-types';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, so ratio faults are reproducible. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What to do with one request: wait this long, then either answer normally or apply `terminal`. */
export interface FaultPlan {
  latencyMs: number;
  terminal?: FaultAction;
  /** Kinds that fired, for the request log. */
  fired: string[];
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!match.path) return true;
  return match.path.startsWith('^') ? new RegExp(match.path).test(path) : path.startsWith(match.path);
}

function actionOf(fault: ActiveFault): FaultAction {
  const { id: _id, remaining: _remaining, count: _count, ratio: _ratio, match: _match, ...action } = fault;
  return action as FaultAction;
}

/**
 * The list of injected faults. Faults are checked in the order they were added: latencies add up,
 * and the first terminal fault that fires decides the answer.
 */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private random: () => number;

  constructor(private seed: number) {
    this.random = createPrng(seed);
  }

  /** Add a fault; returns it with its id. */
  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId, remaining: spec.count ?? null };
    this.nextId += 1;
    this.faults.push(fault);
    return { ...fault };
  }

  /** The faults still active. */
  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Remove every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Restart the PRNG with a seed (the current one when omitted). */
  reseed(seed = this.seed): void {
    this.seed = seed;
    this.random = createPrng(seed);
  }

  /** Decide what happens to one request, consuming counted faults that fire. */
  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, fired: [] };
    for (const fault of this.faults) {
      if (plan.terminal && fault.kind !== 'latency') continue;
      if (!matches(fault.match, method, path)) continue;
      // The draw happens for every matching ratio fault, so the sequence depends only on the requests.
      if (fault.ratio !== undefined && this.random() >= fault.ratio) continue;
      if (fault.remaining !== null) fault.remaining -= 1;
      const action = actionOf(fault);
      plan.fired.push(action.kind === 'status' ? `status:${action.status}` : action.kind);
      if (action.kind === 'latency') plan.latencyMs += action.ms;
      else plan.terminal = action;
    }
    this.faults = this.faults.filter((fault) => fault.remaining === null || fault.remaining > 0);
    return plan;
  }
}
