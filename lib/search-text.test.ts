import { describe, expect, it } from 'vitest';
import { bigrams, canonicalSearch, highlight, looksLikeCode, MAX_QUERY, normalizeQuery, parseSearchQuery, snippet, snippetSource, splitWords } from './search-text';

const marked = (segments: { text: string; mark: boolean }[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('normalizeQuery', () => {
  it('applies NFKC, drops control characters, collapses whitespace and trims', () => {
    expect(normalizeQuery('  ＡＢＣ１２３\u3000诚信\t\n文明\u0000 ')).toEqual({ text: 'ABC123 诚信 文明', truncated: false });
  });
  it('converts Traditional to Simplified and leaves Simplified alone', () => {
    expect(normalizeQuery('誠信 文明實踐').text).toBe('诚信 文明实践');
    expect(normalizeQuery('诚信 文明实践').text).toBe('诚信 文明实践');
  });
  it('keeps at most 50 characters, counting characters rather than UTF-16 units', () => {
    const long = '诚'.repeat(60);
    expect(normalizeQuery(long)).toEqual({ text: '诚'.repeat(MAX_QUERY), truncated: true });
    expect(normalizeQuery('𠀀'.repeat(50))).toEqual({ text: '𠀀'.repeat(50), truncated: false });
  });
  it('treats null and undefined as empty', () => {
    expect(normalizeQuery(undefined).text).toBe('');
    expect(normalizeQuery(null).text).toBe('');
  });
});

describe('splitWords and parseSearchQuery', () => {
  it('splits on spaces and punctuation, keeping each word once', () => {
    expect(splitWords('诚信，文明 诚信 "江城"')).toEqual(['诚信', '文明', '江城']);
    expect(splitWords('ABC abc')).toEqual(['ABC']);
  });
  it('gives the words of a query, all of which must match', () => {
    expect(parseSearchQuery(' 誠信  江城 ')).toEqual({ kind: 'words', text: '诚信 江城', words: ['诚信', '江城'], ignored: [], truncated: false });
  });
  it('asks for at least two characters', () => {
    expect(parseSearchQuery('诚')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('至少输入2个字') });
    expect(parseSearchQuery('张 三')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('每个词至少要有2个字') });
    expect(parseSearchQuery('，。')).toMatchObject({ kind: 'invalid' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
  });
  it('leaves single characters out when longer words remain', () => {
    expect(parseSearchQuery('诚信 江')).toMatchObject({ kind: 'words', words: ['诚信'], ignored: ['江'] });
  });
  it('recognises a credit code, checked as on /credit', () => {
    expect(parseSearchQuery('91350100m000100y43')).toEqual({ kind: 'code', text: '91350100m000100y43', code: '91350100M000100Y43' });
    expect(parseSearchQuery('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ kind: 'code', code: '91350100M000100Y43' });
    const bad = parseSearchQuery('91350100M000100Y44');
    expect(bad).toMatchObject({ kind: 'badCode', code: '91350100M000100Y44' });
    expect(bad.kind === 'badCode' && bad.message).toContain('第18位应为“3”');
    expect(parseSearchQuery('9135010')).toMatchObject({ kind: 'words' });
  });
  it('tells code-like text (for the check-digit hint) from names', () => {
    expect(looksLikeCode('91350100M000')).toBe(true);
    expect(looksLikeCode('9135-0100-M000')).toBe(true);
    expect(looksLikeCode('诚信达物流')).toBe(false);
    expect(looksLikeCode('ABCDEFGH1')).toBe(false);
  });
});

describe('bigrams', () => {
  it('lists every overlapping pair once, lower-cased, without pairs across whitespace', () => {
    expect(bigrams('诚信诚信')).toEqual(['信诚', '诚信']);
    expect(bigrams('AB c')).toEqual(['ab']);
    expect(bigrams('文明\n实践')).toEqual(['实践', '文明']);
    expect(bigrams('单')).toEqual([]);
  });
});

describe('highlight and snippet', () => {
  it('marks every occurrence, case-insensitively, longest word first', () => {
    expect(marked(highlight('诚信江城讲诚信', ['诚信']))).toBe('[诚信]江城讲[诚信]');
    expect(marked(highlight('Abc and ABC', ['abc']))).toBe('[Abc] and [ABC]');
    expect(marked(highlight('诚信达物流', ['诚信', '诚信达']))).toBe('[诚信达]物流');
  });
  it('treats regular-expression characters in words literally', () => {
    expect(marked(highlight('a+b (c) [d] a.b', ['a+b', '(c)', '[d]']))).toBe('[a+b] [(c)] [[d]] a.b');
    expect(marked(highlight('100% 真实', ['.*']))).toBe('100% 真实');
  });
  it('returns the text unmarked without words, and nothing for no text', () => {
    expect(highlight('文明', [])).toEqual([{ text: '文明', mark: false }]);
    expect(highlight('', ['文明'])).toEqual([]);
  });
  it('cuts a window around the first match, with ellipses where it was cut', () => {
    const text = `${'甲'.repeat(100)}诚信${'乙'.repeat(100)}`;
    const result = marked(snippet(text, ['诚信'], { length: 30, before: 10 }));
    expect(result).toBe(`…${'甲'.repeat(10)}[诚信]${'乙'.repeat(18)}…`);
    expect(marked(snippet('诚信为本', ['诚信']))).toBe('[诚信]为本');
    expect(marked(snippet(`${'乙'.repeat(50)}`, ['诚信'], { length: 10 }))).toBe(`${'乙'.repeat(10)}…`);
  });
  it('keeps the window at the end of the text when the match is near it', () => {
    const text = `${'甲'.repeat(50)}诚信`;
    expect(marked(snippet(text, ['诚信'], { length: 12, before: 4 }))).toBe(`…${'甲'.repeat(10)}[诚信]`);
  });
  it('counts characters outside the BMP as one', () => {
    expect(marked(snippet(`𠀀𠀀𠀀诚信`, ['诚信'], { length: 3, before: 1 }))).toBe('…𠀀[诚信]');
  });
});

describe('snippetSource', () => {
  it('uses the body alone when it opens with the summary, so the snippet does not repeat it', () => {
    const summary = '11月20日，江城市创建全国文明城市动员大会召开。会议部署了全年任务。';
    const body = `${summary}会议指出，要把创建工作抓实。`;
    expect(snippetSource(summary, body)).toBe(body);
    // A summary cut short with an ellipsis still counts as the body's opening.
    expect(snippetSource('11月20日，江城市创建全国文明城市动员大会……', body)).toBe(body);
  });
  it('keeps a summary that says something else, then the body', () => {
    expect(snippetSource('一句话概括。', '正文第一段。')).toBe('一句话概括。 正文第一段。');
    expect(snippetSource('', '正文。')).toBe('正文。');
    expect(snippetSource('只有导语。', '')).toBe('只有导语。');
  });
  it('drops the spaces markup left between Chinese characters and punctuation, and keeps other spaces', () => {
    expect(snippetSource('', '以 文明 实践 带动新风。 下一段 ABC 123')).toBe('以文明实践带动新风。下一段 ABC 123');
    expect(marked(snippet(snippetSource('', '以 文明 实践'), ['文明']))).toBe('以[文明]实践');
  });
});

describe('canonicalSearch', () => {
  it('keys the same words typed another way alike: order, case, Traditional script, extra text', () => {
    const run = (raw: string) => {
      const query = parseSearchQuery(raw);
      if (query.kind !== 'words' && query.kind !== 'code') throw new Error(raw);
      return canonicalSearch(query);
    };
    expect(run('文明 诚信')).toEqual(run('  誠信，文明 '));
    expect(run('ABC 文明')).toEqual(run('文明 abc 的'));
    expect(run('文明 诚信')).toEqual({ kind: 'words', text: '文明 诚信', words: ['文明', '诚信'], ignored: [], truncated: false });
    expect(run('文明')).not.toEqual(run('诚信'));
    expect(run('91350100M000100Y43')).toEqual({ kind: 'code', text: '91350100M000100Y43', code: '91350100M000100Y43' });
  });
});
