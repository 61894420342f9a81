/**
 * Sprig's semver and semverCompare on Masterminds/semver v3 rules: versions may omit minor/patch and carry a
 * `v`; constraints join with `,` or spaces (and) and `||` (or); `~`, `^`, `x`/`*` wildcards and hyphen ranges.
 * A prerelease version satisfies only constraints that carry a prerelease themselves (`>=1.21-0`).
 */
import { fn, FuncError, FuncMap } from './funcTypes';
import { GoInt } from './values';

interface Version { major: bigint; minor: bigint; patch: bigint; pre: string; meta: string; original: string }

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

function parseVersion(s: string): Version {
  const m = VERSION.exec(s.trim());
  if (!m) throw new FuncError('Invalid Semantic Version');
  return { major: BigInt(m[1]), minor: BigInt(m[2] ?? 0), patch: BigInt(m[3] ?? 0), pre: m[4] ?? '', meta: m[5] ?? '', original: s };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (i >= pa.length) return -1;
    if (i >= pb.length) return 1;
    const [x, y] = [pa[i], pb[i]];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny && BigInt(x) !== BigInt(y)) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compare(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

type Check = (v: Version) => boolean;

const WILD = /^[xX*]$/;

/** One comparison such as `>=1.2`, `~1.2.3`, `^2`, `1.x`. */
function parseTerm(term: string): Check {
  const m = /^(>=|=>|<=|=<|!=|>|<|=|~>|~|\^)?\s*(.*)$/.exec(term.trim())!;
  const op = m[1] ?? '';
  const text = m[2];
  const parts = text.replace(/^v/, '').split(/[-+]/)[0].split('.');
  const wildIndex = parts.findIndex((p) => WILD.test(p));
  const given = wildIndex >= 0 ? wildIndex : parts.length;
  const base = parseVersion(text.replace(/(^|\.)[xX*](?=\.|$|-|\+)/g, '$10'));
  const hasPre = base.pre !== '';
  const guard = (check: Check): Check => (v) => (v.pre !== '' && !hasPre ? false : check(v));
  const lt = (v: Version, b: Version): boolean => compare(v, b) < 0;
  const upper = (level: number): Version => {
    const u = { ...base, pre: '', meta: '' };
    if (level <= 0) return { ...u, major: base.major + 1n, minor: 0n, patch: 0n };
    if (level === 1) return { ...u, minor: base.minor + 1n, patch: 0n };
    return { ...u, patch: base.patch + 1n };
  };
  const atLeast = (v: Version): boolean => compare(v, base) >= 0;
  switch (op) {
    case '': case '=':
      if (given < 3) return guard((v) => atLeast(v) && lt(v, upper(given - 1)));
      return guard((v) => compare(v, base) === 0);
    case '!=':
      if (given < 3) return guard((v) => !(atLeast(v) && lt(v, upper(given - 1))));
      return guard((v) => compare(v, base) !== 0);
    case '>': return guard((v) => (given < 3 ? !lt(v, upper(given - 1)) : compare(v, base) > 0));
    case '>=': case '=>': return guard(atLeast);
    case '<': return guard((v) => compare(v, base) < 0);
    case '<=': case '=<': return guard((v) => (given < 3 ? lt(v, upper(given - 1)) : compare(v, base) <= 0));
    case '~': case '~>': return guard((v) => atLeast(v) && lt(v, upper(given <= 1 ? 0 : 1)));
    case '^': {
      const level = base.major > 0n || given <= 1 ? 0 : base.minor > 0n || given <= 2 ? 1 : 2;
      return guard((v) => atLeast(v) && lt(v, upper(level)));
    }
  }
  throw new FuncError(`improper constraint: ${term}`);
}

function parseConstraint(text: string): Check {
  const alternatives = text.split('||').map((alt) => {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    const terms = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : alt.replace(/([<>=~^!]+)\s+/g, '$1').split(/[\s,]+/).filter(Boolean);
    if (terms.length === 0) throw new FuncError(`improper constraint: ${text}`);
    const checks = terms.map(parseTerm);
    return (v: Version) => checks.every((c) => c(v));
  });
  return (v) => alternatives.some((c) => c(v));
}

function semverCompare(constraint: string, version: string): boolean {
  let check: Check;
  try {
    check = parseConstraint(constraint);
  } catch {
    throw new FuncError(`improper constraint: ${constraint}`);
  }
  return check(parseVersion(version));
}

/**
 * chartutil.IsCompatibleRange: whether `version` satisfies the Masterminds semver `constraint` (Chart.yaml
 * `kubeVersion`); false when either cannot be parsed, as in Helm.
 */
export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return semverCompare(constraint, version);
  } catch {
    return false;
  }
}

/** Sprig's semver returns a *Version; templates read its fields as methods. */
function semver(s: string): Record<string, unknown> {
  const v = parseVersion(s);
  return {
    Major: () => new GoInt(v.major),
    Minor: () => new GoInt(v.minor),
    Patch: () => new GoInt(v.patch),
    Prerelease: () => v.pre,
    Metadata: () => v.meta,
    Original: () => v.original,
    String: () => `${v.major}.${v.minor}.${v.patch}${v.pre ? '-' + v.pre : ''}${v.meta ? '+' + v.meta : ''}`,
    Compare: (other: unknown) => {
      if (typeof other !== 'object' || other === null || typeof (other as { Original?: unknown }).Original !== 'function') throw new FuncError('Compare needs a version');
      return new GoInt(BigInt(compare(v, parseVersion((other as { Original: () => string }).Original()))));
    },
  };
}

export const sprigSemverFuncs: FuncMap = {
  semverCompare: fn(['string', 'string'], semverCompare),
  semver: fn(['string'], semver),
};
