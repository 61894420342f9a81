// Kargo promotion policies: whether a Stage auto-promotes new Freight. Kargo reads the ProjectConfig named
// like the Project, in the Project's namespace, and takes the first policy whose stage selector matches the
// Stage (an exact name, `glob:` or `regex:`/`regexp:` pattern, and/or a label selector); no ProjectConfig or no
// matching policy means no auto-promotion (Kargo `IsAutoPromotionEnabled`). `Project.spec.promotionPolicies`
// is the deprecated place: Kargo's Project controller moves it into a ProjectConfig and clears it.

import { RE2JS } from 're2js';
import { labelSelector } from '../appset/selector';
import { GlobError, tryCompileGlob } from '../glob/linearGlob';
import type { K8sObject } from '../model/k8sObject';
import type { Finding } from '../types';
import { KARGO_CODES } from './kargoCodes';
import { asArray, asRecord, asString } from './kargoObjects';
import { finding } from './pipeline';

export interface PromotionPolicies {
  /** Per Stage name: true or false when the workspace declares the policies, null when it declares none. */
  autoPromotion: Map<string, boolean | null>;
  findings: Finding[];
}

interface Policy {
  index: number;
  /** Where the name (or the policy) is written, for findings. */
  path: (string | number)[];
  name: string;
  matchesName: (stage: string) => boolean;
  matchesLabels: (labels: Record<string, string>) => boolean;
  pattern: boolean;
  autoPromotionEnabled: boolean;
}

const PATTERN_PREFIXES = ['glob', 'regex', 'regexp'];

/** The policies of one Project, applied to its Stages. */
export function readPromotionPolicies(project: string, stages: readonly K8sObject[], configs: readonly K8sObject[], projectObject: K8sObject | undefined): PromotionPolicies {
  const findings: Finding[] = [];
  for (const config of configs.filter((c) => c.name !== project)) {
    findings.push({
      ...finding(KARGO_CODES.projectConfigName, `Kargo rejects ProjectConfig ${config.name}: its name must be its Project's, ${project}.`, config, ['metadata', 'name'], config.name),
      detail: `Kargo's admission webhook refuses a ProjectConfig whose name differs from its namespace ("name must match project name"), and Kargo only reads the ProjectConfig named ${project} in namespace ${project}. Its promotion policies never apply.`,
    });
  }
  const config = configs.find((c) => c.name === project);
  const legacy = asRecord(projectObject?.body.spec)?.promotionPolicies;
  if (projectObject && legacy !== undefined) {
    findings.push({
      ...finding(KARGO_CODES.legacyPromotionPolicies, 'Project.spec.promotionPolicies is deprecated: Kargo moves it into a ProjectConfig and clears it.', projectObject, ['spec', 'promotionPolicies']),
      detail: `Kargo's Project controller copies Project.spec into a ProjectConfig named ${project} and removes the spec from the Project, so the Project in the cluster no longer matches this file. Declare a ProjectConfig named ${project} in namespace ${project} instead.`,
    });
  }
  const source = config ?? (legacy !== undefined ? projectObject : undefined);
  const autoPromotion = new Map<string, boolean | null>(stages.map((s) => [s.name, null]));
  if (!source) return { autoPromotion, findings };

  const base = ['spec', 'promotionPolicies'];
  const policies: Policy[] = [];
  let rejected = false;
  const invalid = (path: (string | number)[], reason: string, expected?: unknown): void => {
    rejected = true;
    findings.push({
      ...finding(KARGO_CODES.invalidPromotionPolicy, `Kubernetes rejects this ${source.kind}: ${reason}.`, source, path, expected),
      detail: `Kargo's admission webhook or the CRD's validation refuses the whole ${source.kind} ${source.name}, so none of its promotion policies apply and no Stage of Project ${project} auto-promotes.`,
    });
  };
  const exactNames = new Set<string>();
  asArray(asRecord(source.body.spec)?.promotionPolicies).forEach((entry, index) => {
    const record = asRecord(entry);
    const at = [...base, index];
    if (!record) return invalid(at, 'a promotion policy is not a mapping');
    const stage = asString(record.stage);
    const selector = asRecord(record.stageSelector);
    if ((stage !== undefined) === (selector !== undefined)) return invalid(at, 'a promotion policy needs exactly one of stage and stageSelector');
    const name = stage ?? asString(selector?.name) ?? '';
    const namePath = stage !== undefined ? [...at, 'stage'] : [...at, 'stageSelector', 'name'];
    const matcher = nameMatcher(name);
    if (typeof matcher === 'string') return invalid(namePath, matcher, name);
    if (!matcher.pattern && name !== '') {
      if (exactNames.has(name)) return invalid(namePath, `Stage ${name} has two promotion policies`, name);
      exactNames.add(name);
    }
    let matchesLabels: Policy['matchesLabels'] = () => true;
    if (selector && (selector.matchLabels !== undefined || selector.matchExpressions !== undefined)) {
      try {
        matchesLabels = labelSelector(selector, [...namePath.slice(0, -1)]);
      } catch {
        return invalid([...at, 'stageSelector'], 'a stage label selector uses an unknown operator');
      }
    }
    policies.push({ index, path: namePath, name, matchesName: matcher.matches, matchesLabels, pattern: matcher.pattern, autoPromotionEnabled: record.autoPromotionEnabled === true });
  });

  for (const policy of policies) {
    if (stages.some((s) => policy.matchesName(s.name) && policy.matchesLabels(labelsOf(s)))) continue;
    const message = policy.pattern || policy.name === ''
      ? `This promotion policy's stage selector matches no Stage of Project ${project}: it applies to nothing.`
      : `This promotion policy names Stage ${policy.name}, which Project ${project} does not declare.`;
    findings.push({
      ...finding(KARGO_CODES.policyUnknownStage, message, source, policy.path, policy.name || undefined),
      detail: `Kargo applies the first promotion policy whose selector matches a Stage; this one matches none of ${stages.map((s) => s.name).join(', ') || 'its (no) Stages'}, so the auto-promotion it sets is never used. A typo here leaves the intended Stage without auto-promotion.`,
    });
  }
  for (const stage of stages) {
    const policy = rejected ? undefined : policies.find((p) => p.matchesName(stage.name) && p.matchesLabels(labelsOf(stage)));
    autoPromotion.set(stage.name, policy?.autoPromotionEnabled ?? false);
  }
  return { autoPromotion, findings };
}

/** Kargo's `ParseNamePattern`; a string is the reason the webhook rejects it. */
function nameMatcher(name: string): { matches: (stage: string) => boolean; pattern: boolean } | string {
  const colon = name.indexOf(':');
  if (colon < 0) return { matches: (stage) => name === '' || stage === name, pattern: false };
  const prefix = name.slice(0, colon);
  const body = name.slice(colon + 1);
  if (!PATTERN_PREFIXES.includes(prefix)) return 'a stage pattern prefix must be glob, regex or regexp';
  if (prefix === 'glob') {
    const glob = tryCompileGlob(body, 'argocd');
    return glob instanceof GlobError ? 'a stage glob pattern is malformed' : { matches: (stage) => glob.test(stage), pattern: true };
  }
  try {
    const regex = RE2JS.compile(body);
    // Go's MatchString: a match anywhere in the name.
    return { matches: (stage) => regex.matcher(stage).find(), pattern: true };
  } catch {
    return 'a stage regular expression does not compile';
  }
}

function labelsOf(object: K8sObject): Record<string, string> {
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, entry] of object.labels) if (entry.text !== undefined) labels[key] = entry.text;
  return labels;
}
