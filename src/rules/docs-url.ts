/** Where a rule's documentation page lives; messages and SARIF link to it. */
export const DOCS_BASE = 'https://github.com/corpuslint/corpuslint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
