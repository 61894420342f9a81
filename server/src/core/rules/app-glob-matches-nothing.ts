// app/glob-matches-nothing: Argo CD matches a directory source's include and exclude against each file's path with
// gobwas/glob, expanding only `{a,b}` braces. A pattern that matches no file of the folder is a mistake: a
// multi-line `exclude: |` is one pattern containing newlines, so it excludes nothing.

import { compileGlob } from '../glob/linearGlob';
import { relativePath } from '../paths';
import { directoryFiles } from '../discover/renderSource';
import { finding } from './support/findings';
import type { Rule } from './ruleTypes';

export const appGlobMatchesNothing: Rule = {
  code: 'app/glob-matches-nothing',
  severity: 'warning',
  title: 'A directory include or exclude pattern of an Application that matches no file in its folder.',
  checkApp(app, context) {
    const directory = app.directory;
    if (!app.definedBy || app.sourceType !== 'directory' || !directory || app.externalRepository !== undefined) return [];
    // Candidates: the files the folder offers before include and exclude are applied.
    const candidates = directoryFiles({ ...app, directory: { recurse: directory.recurse } }, context.workspace.files).map((f) => relativePath(app.path, f));
    const findings = [];
    for (const [field, pattern, at] of [['include', directory.include, directory.includeLocation], ['exclude', directory.exclude, directory.excludeLocation]] as const) {
      if (!pattern || !at || pattern.includes('{{')) continue;
      const matcher = compileGlob(pattern, 'argocd');
      if (candidates.some((file) => matcher.test(file))) continue;
      const multiline = pattern.trim().includes('\n');
      const effect = field === 'include' ? 'so the Application deploys no file of the folder' : 'so it excludes nothing';
      const hint = multiline
        ? ' Argo CD reads a multi-line value as one pattern containing line breaks, not one pattern per line; list alternatives in braces instead, for example {a.yaml,b.yaml}.'
        : ' Patterns are matched against paths relative to the source folder.';
      const message = field === 'include' ? 'This include pattern matches no file, so the Application deploys nothing from its folder.' : 'This exclude pattern matches no file, so it excludes nothing.';
      findings.push(finding(this, at, message, { detail: `The directory ${field} pattern of Application ${app.definedBy.name} matches no file in its folder ${relativePath(context.workspace.root, app.path) || '.'}, ${effect}.${hint}` }));
    }
    return findings;
  },
};
