// Applications found in a workspace and what SyncPlan computed for each.

import type { AppSetExpansion } from '../appset';
import type { KargoProject } from '../kargo/kargoTypes';
import type { KustomizeOverrides } from '../kustomize';
import type { K8sObject } from '../model/k8sObject';
import type { SyncPlan } from '../plan/planTypes';
import type { Finding, SourceLocation } from '../types';

export type SourceType = 'directory' | 'kustomize' | 'helm' | 'plugin';

/** Source types an Application sets explicitly (Argo CD `ApplicationSource.ExplicitType`), with where each is written. */
export interface ExplicitSourceType {
  type: 'directory' | 'kustomize' | 'helm' | 'plugin';
  location: SourceLocation;
}

export interface DirectoryOptions {
  recurse: boolean;
  include?: string;
  exclude?: string;
  /** Where include and exclude are written in the Application. */
  includeLocation?: SourceLocation;
  excludeLocation?: SourceLocation;
}

/** One application: an Argo CD Application's source folder, or a folder that would be one on its own. */
export interface AppSource {
  id: string;
  /** The Application's name when one points here, else the folder relative to the workspace root. */
  name: string;
  /** Absolute folder of the source. */
  path: string;
  sourceType: SourceType;
  /** The Application object that points here, if any. */
  definedBy?: K8sObject;
  /** The ApplicationSet that generates `definedBy`, when it is a generated Application. */
  generatedBy?: K8sObject;
  /**
   * The app whose Kustomize build changed `definedBy` (a name prefix, a patched path): Argo CD creates the
   * Application as built, so this app, not the one of the file as written, is that app's child.
   */
  builtBy?: string;
  destinationNamespace?: string;
  syncOptions: string[];
  directory?: DirectoryOptions;
  /** `spec.source.kustomize` of the Application, applied on top of the kustomization. */
  kustomizeOverrides?: KustomizeOverrides;
  /** Sections (`directory:`, `helm:`, `kustomize:`, `plugin:`) that fix the source type instead of detection. */
  explicitTypes?: ExplicitSourceType[];
  /** A standalone folder that no Application of this workspace reaches (directly, app-of-apps, or as a base). */
  notDeployed?: boolean;
  /** A standalone folder of Applications or ApplicationSets: the root of an app of apps, applied by hand with kubectl. */
  appliedByHand?: boolean;
  /** Why the plan cannot be trusted before rendering even starts (e.g. an Application in a Helm chart points here). */
  pendingReasons?: string[];
  /** Set when the Application's repoURL is another repository: nothing of it is in this workspace. */
  externalRepository?: string;
  /** The Application's own name (Helm's release name by default). */
  applicationName?: string;
  /** `spec.source.helm` as written. */
  helm?: unknown;
  /** Where the source is written in the defining Application (`spec.source` or `spec.sources[i]`). */
  sourceNodePath?: (string | number)[];
  /** `ref` sources of a multi-source Application: their repository root here, or undefined for another repository. */
  refs?: ReadonlyMap<string, string | undefined>;
}

export interface AppAnalysis extends AppSource {
  objects: K8sObject[];
  plan: SyncPlan;
  complete: boolean;
  incompleteReasons: string[];
  /** Ids of apps defined by Application objects that this app deploys (app-of-apps). */
  children: string[];
  /** Every file the app's render read. */
  files: string[];
}

export interface WorkspaceAnalysis {
  root: string;
  apps: AppAnalysis[];
  /** Parse, render and rule findings over the whole workspace, deduplicated. */
  findings: Finding[];
  /** Every file looked at. */
  files: string[];
  /** ApplicationSets and the Applications each expands to (absent when the caller did not expand them). */
  applicationSets?: AppSetExpansion[];
  /** Kargo promotion pipelines, one per Project namespace (absent when the caller did not build them). */
  kargo?: KargoProject[];
  /**
   * Set by an analysis kept between runs (with a memo): the files whose findings and the ids of the apps (added,
   * removed or changed) that differ from the previous analysis; everything on the first.
   */
  changed?: { files: string[]; apps: string[] };
}
