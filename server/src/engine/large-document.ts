/**
 * The cheaper check of a document above its size limit (maxDocumentSize): the structure rules of
 * the registry (LARGE_DOCUMENT_RULES), each reporting at most MAX_FINDINGS_PER_RULE findings.
 *
 * The cap keeps time and memory in proportion to the parse: a pasted archive of a million
 * numbered lines would otherwise get a finding per line, each with its message, positions and
 * related places — gigabytes nobody reads. The rule still runs to the end; what it reports beyond
 * the cap is dropped before it becomes a message.
 */
import type { Rule, RuleContext } from './rule';
import { LARGE_DOCUMENT_RULES } from '../rules';

export const MAX_FINDINGS_PER_RULE = 1000;

export interface LargeDocumentCheck {
  rules: readonly Rule[];
  /** Ids of the rules that reached the cap during the run, filled in as they do. */
  capped: string[];
}

/** Fresh rules for one run (the counts are per run). */
export function largeDocumentCheck(max = MAX_FINDINGS_PER_RULE): LargeDocumentCheck {
  const capped: string[] = [];
  return { rules: LARGE_DOCUMENT_RULES.map((rule) => reportingAtMost(rule, max, capped)), capped };
}

/** The cheaper check when the text is longer than `limit` characters; undefined (every rule) otherwise or without a limit. */
export function largeDocumentCheckFor(text: string, limit: number | undefined): LargeDocumentCheck | undefined {
  return limit !== undefined && text.length > limit ? largeDocumentCheck() : undefined;
}

function reportingAtMost(rule: Rule, max: number, capped: string[]): Rule {
  return {
    ...rule,
    check(tree, context) {
      let reported = 0;
      const limited: RuleContext = {
        text: context.text,
        options: context.options,
        report(spec) {
          reported++;
          if (reported <= max) context.report(spec);
          else if (reported === max + 1) capped.push(rule.meta.id);
        },
      };
      rule.check(tree, limited);
    },
  };
}
