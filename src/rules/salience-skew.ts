// salience-skew: a free-running question generator does not read a document uniformly; its questions
// pile up on salient spans (headings, lists, tables, bold, links, leftover markup, the opening lines).
// When those spans carry little content, the questions are wasted and the body goes unasked.
import type { RuleContext, RuleMeta } from '../types.js';
import { analyseIfFlaggable, type DocumentSalience, type SalienceGroup } from '../salience/model.js';
import { SALIENCE_OPTION_SCHEMA, salienceOptions, type SalienceOptions } from '../salience/options.js';
import { docsUrl } from './docs-url.js';

/** Groups holding less of the salience mass than this are not worth a finding of their own. */
const MIN_GROUP_SHARE = 0.02;

const NAV_MENU_IN_BOLD =
  '- **Home**\n- **News**\n- **Sport**\n- **Weather**\n\n' +
  'The river rose two metres overnight after heavy rain in the hills above Kendal.\n\n' +
  'Farmers moved 300 cattle to higher fields before dawn.\n';

const ONE_WORD_TABLE =
  'The harbour was rebuilt in 1887 after a storm destroyed the old stone pier.\n\n' +
  '| Menu | Shop | Blog |\n|---|---|---|\n| Home | News | Help |\n| Login | Cart | Search |\n';

export const meta: RuleMeta = {
  id: 'salience-skew',
  description:
    'Flags documents whose presentation would steer a free-running question generator onto low-content spans (menus in bold, tables of one-word cells, link lists), with the expected coverage of a salience-proportional generator.',
  rationale:
    'Free-running question generators saturate on salient spans, and salience comes from presentation, not content: headings, list items, table cells, bold and italic text, link text, all-caps, code, the opening sentences and leftover markup. ' +
    'Changing the prompt does not help: different prompts converge on the same hotspots. ' +
    'Each sentence, list item and table cell gets a presentation salience and a content weight (TF-IDF mass over the document, numbers and names). ' +
    'With p_i the normalised salience and k = n questions, a salience-proportional generator covers (1/n) Σ 1 − (1 − p_i)^k of the units, against 1 − (1 − 1/n)^k for uniform sampling and min(1, k/n) for a targeted generator; weighting each unit by its content gives the share of the answerable content the questions reach. ' +
    'The rule flags a document whose expected coverage falls below `minCoverage`, or whose low-content hotspots hold more than `maxLowContentShare` of the salience mass, and names the hotspot spans. ' +
    'The unsafe fix removes only the decoration that makes low-content hotspots salient (emphasis markers, the pipes and delimiter row of a table whose cells are all low-content); the words stay. ' +
    'Run `corpuslint stats` to see the same figures for every document of a corpus.',
  docsUrl: docsUrl('salience-skew'),
  messages: {
    skew:
      'Salience skew: a free-running generator asking {{units}} questions would cover {{coverage}} of the units (uniform sampling {{uniform}}, targeted {{targeted}}) and {{contentCoverage}} of their content weight; salience Gini {{gini}}; low-content hotspots hold {{lowShare}} of the salience mass.',
    hotspot: 'Low-content hotspot: the {{name}} draws {{share}} of the salience mass but carries little answerable content.',
    salient: 'Salience hotspot: the {{name}} draws {{share}} of the salience mass.',
  },
  defaultSeverity: 'warn',
  recommended: true,
  options: SALIENCE_OPTION_SCHEMA,
  fix: { safety: 'unsafe' },
  needs: ['text', 'blocks', 'prose', 'hast'],
  examples: {
    valid: [
      {
        text:
          '# How lighthouses work\n\n' +
          'A lighthouse concentrates the light of a single lamp into a narrow beam with a Fresnel lens. ' +
          'The lens was invented by Augustin Fresnel in 1822 and is far thinner than a solid lens of the same power. ' +
          'Keepers wound the clockwork that turned the lens every few hours through the night. ' +
          'Most lighthouses were automated in the second half of the twentieth century. ' +
          'Today many towers use LED lamps that last for years without replacement.\n',
        format: 'markdown',
      },
    ],
    invalid: [
      {
        text: NAV_MENU_IN_BOLD,
        format: 'markdown',
        output: NAV_MENU_IN_BOLD.replace(/\*\*/g, ''),
        findings: 2,
      },
      {
        text: ONE_WORD_TABLE,
        format: 'markdown',
        output: 'The harbour was rebuilt in 1887 after a storm destroyed the old stone pier.\n\nMenu Shop Blog\nHome News Help\nLogin Cart Search\n',
        findings: 2,
      },
    ],
  },
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The groups to name, by index: the heaviest low-content ones, else (flagged on coverage alone) the
 * ones that pull the questions hardest per unit, even if they have content. Ranked on the groups'
 * figures, in document order before a stable sort, so only the named groups are ever built.
 */
function hotspotGroups(salience: DocumentSalience, options: SalienceOptions): { group: SalienceGroup; lowContent: boolean }[] {
  const { lowContentHotspotShare: low, share, units } = salience.groupFigures;
  const weak: number[] = [];
  for (let g = 0; g < low.length; g++) if (low[g] >= MIN_GROUP_SHARE) weak.push(g);
  if (weak.length > 0) {
    weak.sort((a, b) => low[b] - low[a]);
    return weak.slice(0, options.maxFindings).map((g) => ({ group: salience.groupAt(g), lowContent: true }));
  }
  const pulling: number[] = [];
  for (let g = 0; g < share.length; g++) if (share[g] >= MIN_GROUP_SHARE && units[g] > 0) pulling.push(g);
  pulling.sort((a, b) => share[b] / units[b] - share[a] / units[a]);
  return pulling.slice(0, options.maxFindings).map((g) => ({ group: salience.groupAt(g), lowContent: false }));
}

/**
 * The filled-in options per options object of a run: one object for every document, so the analysis
 * can key its per-document memos on it without serialising the options each time.
 */
const filledIn = new WeakMap<object, SalienceOptions>();

function optionsOf(raw: Record<string, unknown>): SalienceOptions {
  let options = filledIn.get(raw);
  if (!options) filledIn.set(raw, (options = salienceOptions(raw)));
  return options;
}

export function check(context: RuleContext<Record<string, unknown>>): void {
  const options = optionsOf(context.options);
  // Nothing is kept with the document: the rule reads each document's analysis once.
  const salience = analyseIfFlaggable(context.document, options);
  if (!salience || salience.figures.reasons.length === 0) return;
  const { figures } = salience;
  context.report({
    messageId: 'skew',
    data: {
      units: figures.units,
      coverage: figures.coverage.salience.toFixed(2),
      contentCoverage: figures.coverage.content.toFixed(2),
      uniform: figures.coverage.uniform.toFixed(2),
      targeted: figures.coverage.targeted.toFixed(2),
      gini: figures.gini.toFixed(2),
      lowShare: percent(figures.lowContentHotspotShare),
    },
    start: 0,
    end: 0,
    score: 1 - figures.coverage.salience / Math.max(figures.coverage.uniform, 1e-9),
  });
  for (const { group, lowContent } of hotspotGroups(salience, options)) {
    const share = lowContent ? group.lowContentHotspotShare : group.share;
    context.report({
      messageId: lowContent ? 'hotspot' : 'salient',
      data: { name: group.name, share: percent(share) },
      start: group.start,
      end: group.end,
      score: share,
      ...(lowContent && group.decoration.length > 0 ? { remove: group.decoration } : {}),
    });
  }
}
