// The output contract of `corpuslint generate`: one QA item per line.

export interface GeneratorInfo {
  name: string;
  version: string;
  seed: number;
  promptVariant?: number;
  model?: string;
}

export interface QAItem {
  id: string;
  source: { path: string; record?: number; docId?: string };
  /** The target sentence: `index` among the document's eligible sentences; offsets into the sanitized text. */
  target: { index: number; start: number; end: number; text: string };
  question: string;
  answer: string;
  /** `answer === sanitizedText.slice(answerStart, answerEnd)`, inside the target. */
  answerStart: number;
  answerEnd: number;
  generator: GeneratorInfo;
  /** Present (true) only when the text was not sanitized (`--no-sanitize`). */
  unsanitized?: true;
}

/** A candidate question for one target, before dedupe. */
export interface Draft {
  question: string;
  answerStart: number;
  answerEnd: number;
  kind: 'wh' | 'cloze';
  promptVariant?: number;
}

export interface Target {
  index: number;
  start: number;
  end: number;
}
