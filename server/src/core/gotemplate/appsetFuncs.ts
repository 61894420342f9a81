/** ApplicationSet's goTemplate function map: Sprig without env/expandenv/getHostByName (Helm-only ones removed). */
import type { FuncMap } from './funcTypes';
import { helmFuncs } from './helmFuncs';

const HELM_ONLY = new Set(['include', 'tpl', 'required', 'lookup', 'mustToYaml', 'mustToJson']);

export const applicationSetFuncs: FuncMap = Object.fromEntries(Object.entries(helmFuncs).filter(([name]) => !HELM_ONLY.has(name)));
