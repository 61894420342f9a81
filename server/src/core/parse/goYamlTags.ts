// YAML 1.1 as the Go readers behind Argo CD and Helm apply it (go-yaml v2 through sigs.k8s.io/yaml): a plain
// timestamp (`2024-01-01`) or base-60 number (`1:30`) is decoded into a string as written, not into a date or an
// integer. The yaml library's 1.1 schema would make them a Date and 90, so its timestamp and sexagesimal tags
// are left out of every parse that stands for Argo CD's or Helm's.

import type { Tags } from 'yaml';

export function goYamlTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag === 'string') return tag !== 'timestamp' && tag !== 'intTime' && tag !== 'floatTime';
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in tag && tag.format === 'TIME');
  });
}
