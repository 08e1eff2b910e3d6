// A small, dense, bounded-variable primal simplex for the auditor's systems: tens to a few hundred
// variables with coefficients ±1 and bounds. Written here rather than taken from a package because
// the systems are small, the auditor needs warm starts (one phase 1, then a minimum and a maximum
// per hidden cell from the same feasible basis) and variable bounds without extra rows, and because
// its answers are never trusted on their own: floating point only guides the search; every claim
// that a cell is protected rests on a whole-number table that is checked exactly (see audit.ts).
// Bland's rule takes over after a run of degenerate pivots, so the method cannot cycle.

/** One row of an LP: Σ coef·x  = rhs (`gelijk`) or ≥ rhs (`minstens`). Terms are [variable, coef]. */
export interface LpRij {
  termen: ReadonlyArray<readonly [number, number]>;
  soort: 'gelijk' | 'minstens';
  rhs: number;
}

/** Variables 0..n-1 with bounds lo ≤ x ≤ hi (hi may be Infinity), and rows. */
export interface LpProbleem {
  lo: readonly number[];
  hi: readonly number[];
  rijen: readonly LpRij[];
}

/** The answer to one optimisation. */
export type LpUitkomst =
  | { soort: 'optimaal'; waarde: number; x: Float64Array }
  | { soort: 'onbegrensd' }
  | { soort: 'mislukt' };

const PIV = 1e-9;
const FEAS = 1e-7;
const DEGENERATE_BEFORE_BLAND = 50;

/** A feasible basis of one problem, ready for repeated optimisation with different objectives. */
export class Simplex {
  private readonly m: number;
  private readonly n: number;
  private readonly cols: number;
  private readonly T: Float64Array;
  private readonly basis: Int32Array;
  private readonly isBasic: Uint8Array;
  private readonly atUpper: Uint8Array;
  private readonly up: Float64Array;
  private readonly val: Float64Array;
  private readonly d: Float64Array;
  private readonly lo: readonly number[];
  private readonly maxIter: number;

  private constructor(p: LpProbleem) {
    this.lo = p.lo;
    this.n = p.lo.length;
    this.m = p.rijen.length;
    const slacks = p.rijen.filter((r) => r.soort === 'minstens').length;
    this.cols = this.n + slacks + this.m;
    this.T = new Float64Array(this.m * this.cols);
    this.basis = new Int32Array(this.m);
    this.isBasic = new Uint8Array(this.cols);
    this.atUpper = new Uint8Array(this.cols);
    this.up = new Float64Array(this.cols).fill(Infinity);
    this.val = new Float64Array(this.cols);
    this.d = new Float64Array(this.cols);
    this.maxIter = 200 * (this.m + this.cols) + 1000;
    for (let j = 0; j < this.n; j++) this.up[j] = p.hi[j]! - p.lo[j]!;
    let slack = this.n;
    p.rijen.forEach((rij, i) => {
      const row = i * this.cols;
      let b = rij.rhs;
      for (const [j, a] of rij.termen) {
        this.T[row + j] = this.T[row + j]! + a;
        b -= a * p.lo[j]!;
      }
      if (rij.soort === 'minstens') this.T[row + slack++] = -1;
      if (b < 0) {
        for (let j = 0; j < this.n + slacks; j++) this.T[row + j] = -this.T[row + j]!;
        b = -b;
      }
      const art = this.n + slacks + i;
      this.T[row + art] = 1;
      this.basis[i] = art;
      this.isBasic[art] = 1;
      this.val[art] = b;
    });
  }

  /** Phase 1: a feasible basis of the problem, or why there is none. */
  static bouw(p: LpProbleem): Simplex | 'onhaalbaar' | 'mislukt' {
    for (let j = 0; j < p.lo.length; j++) if (!(p.hi[j]! >= p.lo[j]! - FEAS)) return 'onhaalbaar';
    const s = new Simplex(p);
    const firstArt = s.cols - s.m;
    const cost = new Float64Array(s.cols);
    for (let j = firstArt; j < s.cols; j++) cost[j] = 1;
    if (!s.run(cost)) return 'mislukt';
    let infeas = 0;
    for (let j = firstArt; j < s.cols; j++) infeas += s.val[j]!;
    if (infeas > FEAS * Math.max(1, s.m)) return 'onhaalbaar';
    // Drive the artificials out of the basis; a row where that is impossible is redundant and stays inert.
    for (let r = 0; r < s.m; r++) {
      if (s.basis[r]! < firstArt) continue;
      let best = -1;
      let bestAbs = 1e-7;
      for (let j = 0; j < firstArt; j++) {
        const a = Math.abs(s.T[r * s.cols + j]!);
        if (!s.isBasic[j] && a > bestAbs) {
          best = j;
          bestAbs = a;
        }
      }
      s.val[s.basis[r]!] = 0;
      if (best >= 0) s.pivot(r, best);
    }
    for (let j = firstArt; j < s.cols; j++) {
      s.up[j] = 0;
      if (!s.isBasic[j]) s.val[j] = 0;
    }
    return s;
  }

  /** The current point (original variables). */
  punt(): Float64Array {
    const x = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) x[j] = this.lo[j]! + this.val[j]!;
    return x;
  }

  /** Minimises or maximises Σ coef·x over the feasible set, starting from the current basis. */
  optimaliseer(doel: ReadonlyArray<readonly [number, number]>, richting: 'min' | 'max'): LpUitkomst {
    const cost = new Float64Array(this.cols);
    const sign = richting === 'min' ? 1 : -1;
    for (const [j, c] of doel) cost[j] = cost[j]! + sign * c;
    const r = this.run(cost);
    if (r === false) return { soort: 'mislukt' };
    if (r === 'onbegrensd') return { soort: 'onbegrensd' };
    const x = this.punt();
    let waarde = 0;
    for (const [j, c] of doel) waarde += c * x[j]!;
    return { soort: 'optimaal', waarde, x };
  }

  private pivot(r: number, q: number): void {
    const cols = this.cols;
    const T = this.T;
    const row = r * cols;
    const piv = T[row + q]!;
    for (let j = 0; j < cols; j++) T[row + j] = T[row + j]! / piv;
    for (let i = 0; i < this.m; i++) {
      if (i === r) continue;
      const f = T[i * cols + q]!;
      if (f === 0) continue;
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const t = T[row + j]!;
        if (t !== 0) T[base + j] = T[base + j]! - f * t;
      }
      T[base + q] = 0;
    }
    const fd = this.d[q]!;
    if (fd !== 0) {
      for (let j = 0; j < cols; j++) {
        const t = T[row + j]!;
        if (t !== 0) this.d[j] = this.d[j]! - fd * t;
      }
      this.d[q] = 0;
    }
    const leaving = this.basis[r]!;
    this.isBasic[leaving] = 0;
    this.basis[r] = q;
    this.isBasic[q] = 1;
    this.atUpper[q] = 0;
  }

  /** Minimises cost·x from the current basis. True when optimal, 'onbegrensd', or false when it gave up. */
  private run(cost: Float64Array): true | 'onbegrensd' | false {
    const { m, cols, T } = this;
    for (let j = 0; j < cols; j++) this.d[j] = cost[j]!;
    for (let i = 0; i < m; i++) {
      const cb = cost[this.basis[i]!]!;
      if (cb === 0) continue;
      const row = i * cols;
      for (let j = 0; j < cols; j++) this.d[j] = this.d[j]! - cb * T[row + j]!;
    }
    let degenerate = 0;
    let bland = false;
    for (let iter = 0; iter < this.maxIter; iter++) {
      let q = -1;
      let best = 0;
      for (let j = 0; j < cols; j++) {
        if (this.isBasic[j] || this.up[j]! <= PIV) continue;
        const dj = this.d[j]!;
        const gain = this.atUpper[j] ? dj : -dj;
        if (gain > 1e-9) {
          if (bland) {
            q = j;
            break;
          }
          if (gain > best) {
            best = gain;
            q = j;
          }
        }
      }
      if (q < 0) return true;
      const sigma = this.atUpper[q] ? -1 : 1;
      let theta = this.up[q]!;
      let r = -1;
      let rToUpper = false;
      let rAlpha = 0;
      for (let i = 0; i < m; i++) {
        const alpha = sigma * T[i * cols + q]!;
        if (Math.abs(alpha) <= PIV) continue;
        const b = this.basis[i]!;
        let lim: number;
        let toUpper: boolean;
        if (alpha > 0) {
          lim = Math.max(0, this.val[b]!) / alpha;
          toUpper = false;
        } else {
          const u = this.up[b]!;
          if (u === Infinity) continue;
          lim = Math.max(0, u - this.val[b]!) / -alpha;
          toUpper = true;
        }
        const better = lim < theta - 1e-12 || (Math.abs(lim - theta) <= 1e-12 && r >= 0 && (bland ? b < this.basis[r]! : Math.abs(alpha) > rAlpha));
        if (better || (r < 0 && lim <= theta)) {
          theta = lim;
          r = i;
          rToUpper = toUpper;
          rAlpha = Math.abs(alpha);
        }
      }
      if (theta === Infinity) return 'onbegrensd';
      if (theta <= 1e-12) {
        if (++degenerate > DEGENERATE_BEFORE_BLAND) bland = true;
      } else degenerate = 0;
      const step = sigma * theta;
      if (step !== 0) {
        for (let i = 0; i < m; i++) {
          const t = T[i * cols + q]!;
          if (t !== 0) this.val[this.basis[i]!] = this.val[this.basis[i]!]! - t * step;
        }
        this.val[q] = this.val[q]! + step;
      }
      if (r < 0) {
        // The entering variable reaches its other bound before any basic variable blocks.
        this.atUpper[q] = this.atUpper[q] ? 0 : 1;
        this.val[q] = this.atUpper[q] ? this.up[q]! : 0;
        continue;
      }
      const leaving = this.basis[r]!;
      this.pivot(r, q);
      this.atUpper[leaving] = rToUpper ? 1 : 0;
      this.val[leaving] = rToUpper ? this.up[leaving]! : 0;
    }
    return false;
  }
}
