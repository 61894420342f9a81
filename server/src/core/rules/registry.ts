// Every rule SyncPlan runs, in documentation order.

import type { Rule } from './ruleTypes';

export const ALL_RULES: readonly Rule[] = [];
