// Corpus passes: rules that judge a document against the whole run (for example, lines that recur
// across many documents) see every document once before any document is checked.
import { resolveConfig } from '../config/load.js';
import { readDocuments } from '../inputs/read-documents.js';
import type { RuleModule } from '../types.js';
import type { RunInput, RunOptions } from './run.js';

export type CorpusStates = Map<string, unknown>;

export async function runCorpusPasses(inputs: readonly RunInput[], options: Pick<RunOptions, 'registry' | 'loaded' | 'onlyRules'>): Promise<CorpusStates> {
  const states: CorpusStates = new Map();
  const withPass = [...options.registry.values()].filter((rule): rule is RuleModule & Required<Pick<RuleModule, 'corpus'>> => rule.corpus !== undefined);
  if (withPass.length === 0) return states;
  const counts = new Map<string, number>();
  const ruleOptions = new Map<string, Record<string, unknown>>();
  for (const input of inputs) {
    // A one-pass stream cannot be read twice; it is checked without corpus state.
    if (input.stream) continue;
    const effective = resolveConfig(options.loaded, input.configPath, options.registry);
    const active = withPass.filter((rule) => {
      const setting = effective.rules[rule.meta.id];
      return setting && setting.severity !== 'off' && (!options.onlyRules || options.onlyRules.has(rule.meta.id));
    });
    if (active.length === 0) continue;
    for (const rule of active) {
      if (!states.has(rule.meta.id)) {
        const opts = effective.rules[rule.meta.id].options;
        ruleOptions.set(rule.meta.id, opts);
        states.set(rule.meta.id, rule.corpus.init(opts));
      }
    }
    for await (const event of readDocuments(input, effective.jsonl)) {
      if (event.type !== 'document') continue;
      for (const rule of active) {
        const id = rule.meta.id;
        rule.corpus.collect(states.get(id), event.document, ruleOptions.get(id)!);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  for (const rule of withPass) {
    const id = rule.meta.id;
    if (states.has(id) && rule.corpus.finish) states.set(id, rule.corpus.finish(states.get(id), counts.get(id) ?? 0, ruleOptions.get(id)!));
  }
  return states;
}
