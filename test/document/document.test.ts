import { describe, expect, it } from 'vitest';
import { Document } from '../../src/document/document.js';

describe('Document views', () => {
  it('builds each view and each shared view once, and keeps shared keys apart from view names', () => {
    const document = new Document({ text: 'One. Two.\n\nThree.', format: 'text', path: 'x.txt' });
    let builds = 0;
    const build = () => {
      builds++;
      return ['shared'];
    };
    const sentences = document.sentences;
    // A shared key spelled like a view (or like the old internal prefix) is its own entry.
    expect(document.shared('sentences', build)).toEqual(['shared']);
    expect(document.shared('sentences', build)).toBe(document.shared('sentences', build));
    expect(document.shared('shared:sentences', build)).toEqual(['shared']);
    expect(builds).toBe(2);
    expect(document.sentences).toBe(sentences);
    expect(sentences.map((s) => document.text.slice(s.start, s.end))).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('remembers a view whose value is undefined or null instead of building it again', () => {
    const document = new Document({ text: 'x', format: 'text', path: 'x.txt' });
    let builds = 0;
    for (let i = 0; i < 3; i++) {
      document.shared('nothing', () => {
        builds++;
        return undefined;
      });
      document.shared('null', () => {
        builds++;
        return null;
      });
    }
    expect(builds).toBe(2);
  });

  it('does not remember a build that throws', () => {
    const document = new Document({ text: 'x', format: 'text', path: 'x.txt' });
    expect(() => document.shared('fails', () => {
      throw new Error('no');
    })).toThrow('no');
    expect(document.shared('fails', () => 'later')).toBe('later');
  });
});
